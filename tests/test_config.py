"""Configuration files: where they are found, what they change, and the
exact message each mistake gets."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from ruconsist.checks.base import Check, PairContext
from ruconsist.cli import main
from ruconsist.config import KEYS, OPTIONS, Config, discover_config, load_config
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import SegmentPair
from ruconsist.engine import Linter
from ruconsist.hookspecs import hookimpl
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager
from ruconsist.rules import load_rules
from tests.conftest import DATA, REPO

NEWS = str(DATA / "news.yaml")
RU = "Заголовок\n\nЛавров встретился с Ван И.\n"
ZH = "标题\n\n外长会见了王毅。\n"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def project(root: Path, config: str | None = None, name: str = ".ruconsist.yaml") -> Path:
    (root / "news").mkdir(parents=True, exist_ok=True)
    (root / "news/a.ru.md").write_text(RU, encoding="utf-8")
    (root / "news/a.zh.md").write_text(ZH, encoding="utf-8")
    if config is not None:
        (root / name).write_text(config, encoding="utf-8")
    return root


CHECK = ["check", "news", "--no-default-rules", "--rules", NEWS]


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        (".ruconsist.yaml", "selct: [NUM]\n", ".ruconsist.yaml:1: unknown key 'selct' (did you mean 'select'?)"),
        (".ruconsist.yaml", "select: [NUM-1]\n",
         ".ruconsist.yaml:1: 'select': 'NUM-1' is not a code or code prefix (e.g. NUM or NUM001)"),
        (".ruconsist.yaml", "ignore: {NUM: yes}\n",
         ".ruconsist.yaml:1: 'ignore' must be a list of codes or code prefixes (e.g. [NUM, TRM001])"),
        (".ruconsist.yaml", "severity:\n  ALN002: fatal\n",
         ".ruconsist.yaml:2: severity of 'ALN002' must be error, warning or info (found 'fatal')"),
        # YAML 1.1 reads a bare yes as true: the message shows what was read.
        (".ruconsist.yaml", "options:\n  zh-spacing: yes\n",
         ".ruconsist.yaml:2: option 'zh-spacing' must be one of off, none, space (found True)"),
        (".ruconsist.yaml", "options:\n  zh-spaceing: none\n",
         ".ruconsist.yaml:2: unknown option 'zh-spaceing' (did you mean 'zh-spacing'?)"),
        (".ruconsist.yaml", "options:\n  po-include-fuzzy: 1\n",
         ".ruconsist.yaml:2: option 'po-include-fuzzy' must be true or false (found 1)"),
        (".ruconsist.yaml", "rules:\n  - terms/house.yaml\n",
         ".ruconsist.yaml:2: 'rules': rule pack 'terms/house.yaml' not found"),
        (".ruconsist.yaml", "rules: [../../etc/passwd]\n",
         ".ruconsist.yaml:1: rule pack '../../etc/passwd' is outside the project (proj/); refusing to load it"),
        (".ruconsist.yaml", "pairs:\n  - ru: 'ru/{name}.md'\n    zh: 'zh/{slug}.md'\n",
         ".ruconsist.yaml:2: the 'ru' and 'zh' templates of a pair must use the same {placeholders}"
         " (found ['name'] and ['slug'])"),
        (".ruconsist.yaml", "per-path-ignores: [archive]\n",
         ".ruconsist.yaml:1: 'per-path-ignores' must map path globs to values"),
        (".ruconsist.yaml", "per-path-ignores:\n  'archive/*': TRM-1\n",
         ".ruconsist.yaml:2: 'per-path-ignores: archive/*': 'TRM-1' is not a code or code prefix (e.g. NUM or NUM001)"),
        (".ruconsist.yaml", "encoding: klingon\n", ".ruconsist.yaml:1: 'encoding': unknown encoding 'klingon'"),
        (".ruconsist.yaml", "default-rules: 'no'\n", ".ruconsist.yaml:1: 'default-rules' must be true or false"),
        (".ruconsist.yaml", "align: line\n",
         ".ruconsist.yaml:1: 'align' must be one of auto, lines, paragraphs, not 'line' (did you mean 'lines'?)"),
        (".ruconsist.yaml", "- select\n", ".ruconsist.yaml:1: configuration must be a mapping"),
        ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.ruconsist]\nselect = ['TRM']\nignroe = ['TYP']\n",
         "pyproject.toml:6: unknown key 'ignroe' (did you mean 'ignore'?)"),
        ("pyproject.toml", "[tool.ruconsist]\nselect = ['TRM']\n\n[tool.ruconsist.severity]\nALN002 = 'fatal'\n",
         "pyproject.toml:5: severity of 'ALN002' must be error, warning or info (found 'fatal')"),
        ("pyproject.toml", "[tool.ruconsist]\noptions = { zh-spacing = 'spaces' }\n",
         "pyproject.toml:2: option 'zh-spacing' must be one of off, none, space (found 'spaces')"),
    ],
)
def test_each_mistake_names_file_line_and_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              name: str, text: str, error: str) -> None:
    root = project(tmp_path / "proj", text, name)
    monkeypatch.chdir(root)
    code, out, err = run(CHECK)
    assert (code, out, err) == (2, "", f"ruconsist: {error}\n")


def test_config_is_found_from_the_checked_files_not_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path / "proj", "ignore: [TRM]\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run(["check", str(root / "news"), "--no-default-rules", "--rules", NEWS])[0] == 0
    # Without the config (named explicitly as an empty one) the finding is there.
    (elsewhere / "empty.yaml").write_text("{}\n", encoding="utf-8")
    assert run(["check", str(root / "news"), "-c", "empty.yaml", "--no-default-rules", "--rules", NEWS])[0] == 1


def test_pyproject_without_a_ruconsist_table_is_passed_over(tmp_path: Path) -> None:
    root = project(tmp_path / "proj", "[tool.ruconsist]\nignore = ['TRM']\n", "pyproject.toml")
    (root / "news/pyproject.toml").write_text("[project]\nname = 'news'\n", encoding="utf-8")
    config = discover_config(None, paths=[str(root / "news/a.ru.md")])
    assert config.ignore == ("TRM",)
    assert Path(config.path or "").resolve() == (root / "pyproject.toml").resolve()


def test_search_starts_at_the_common_directory_of_all_paths(tmp_path: Path) -> None:
    root = project(tmp_path / "proj", "ignore: [TRM]\n")
    (root / "news/.ruconsist.yaml").write_text("ignore: [ALN]\n", encoding="utf-8")
    (root / "docs").mkdir()
    only_news = discover_config(None, paths=[str(root / "news/a.ru.md"), str(root / "news/a.zh.md")])
    both = discover_config(None, paths=[str(root / "news/a.ru.md"), str(root / "docs")])
    assert (only_news.ignore, both.ignore) == (("ALN",), ("TRM",))


def test_severity_override_turns_an_error_into_a_warning(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(project(tmp_path, "severity:\n  TRM001: warning\n"))
    code, out, _ = run([*CHECK, "-f", "parsable"])
    assert code == 0
    assert out.splitlines()[0].startswith("news/a.ru.md:3:1: [warning] TRM001 ")
    assert run([*CHECK, "--strict"])[0] == 1


@pytest.mark.parametrize(
    ("globs", "exit_code"),
    [
        ("'news/*': [TRM]", 0),
        ("'*.ru.md': [TRM001]", 0),  # no slash: the file name, in any directory
        ("'news/': [ALL]", 0),
        ("'docs/*': [TRM]", 1),
        ("'news/*': [NUM]", 1),
    ],
)
def test_per_path_ignores_are_relative_to_the_config_file(tmp_path: Path, monkeypatch, globs: str, exit_code: int) -> None:
    project(tmp_path / "proj", f"per-path-ignores:\n  {globs}\n")
    monkeypatch.chdir(tmp_path)  # one level above the project
    assert run(["check", "proj/news", "--no-default-rules", "--rules", NEWS])[0] == exit_code


def test_rule_packs_in_config_are_relative_to_it(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path / "proj", "default-rules: false\nrules: [terms/news.yaml]\n")
    (root / "terms").mkdir()
    (root / "terms/news.yaml").write_text(Path(NEWS).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(root / "news")
    code, out, _ = run(["check", "a.ru.md", "-f", "parsable"])
    assert code == 1 and " TRM001 RU 'Лавров' " in out


class OptionProbe(Check):
    """Reports the zh-spacing option it sees (test only)."""

    code = "XOP001"
    slug = "option-probe"
    category = "style"
    severity = Severity.INFO

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if bead.index == 0:
            yield self.report(bead, "zh", 0, 1, str(ctx.config.options.get("zh-spacing")))


def test_per_path_options_reach_the_checks_of_matching_pairs(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path, "options:\n  zh-spacing: none\nper-path-options:\n  'docs/*':\n    zh-spacing: space\n")
    (root / "docs").mkdir()
    (root / "docs/a.ru.md").write_text(RU, encoding="utf-8")
    (root / "docs/a.zh.md").write_text(ZH, encoding="utf-8")
    monkeypatch.chdir(root)

    class Plugin:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(OptionProbe)

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Plugin(), name="probe")
    config = load_config(root / ".ruconsist.yaml").with_cli(select=("XOP",))
    linter = Linter(config, pm=pm, rules=load_rules([NEWS], defaults=False))
    seen = {}
    for folder in ("news", "docs"):
        result = linter.lint_pair(FilePair(Path(f"{folder}/a.ru.md"), Path(f"{folder}/a.zh.md")))
        seen[folder] = [d.message for d in result.diagnostics]
    assert seen == {"news": ["none"], "docs": ["space"]}


def test_init_writes_a_starter_that_documents_every_key(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(project(tmp_path))
    code, out, err = run(["init"])
    assert (code, err) == (0, "")
    assert out == "wrote .ruconsist.yaml: every key is commented out; uncomment what you need\n"
    text = (tmp_path / ".ruconsist.yaml").read_text(encoding="utf-8")
    assert load_config(tmp_path / ".ruconsist.yaml") == Config(path=".ruconsist.yaml", root=tmp_path.resolve())
    for key in KEYS:
        assert f"# {key}:" in text, key
    for option in ("zh-spacing", "ru-quotes", "zh-quotes"):
        assert f"#   {option}:" in text


def test_init_keeps_an_existing_config_unless_forced(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(project(tmp_path, "ignore: [TRM]\n"))
    code, _, err = run(["init"])
    assert (code, err) == (2, "ruconsist: init: .ruconsist.yaml exists (use --force to overwrite it)\n")
    assert (tmp_path / ".ruconsist.yaml").read_text(encoding="utf-8") == "ignore: [TRM]\n"
    assert run(["init", "--force"])[0] == 0
    assert (tmp_path / ".ruconsist.yaml").read_text(encoding="utf-8").startswith("# ruconsist configuration")


def test_uncommented_starter_lines_are_valid_config(tmp_path: Path) -> None:
    """Uncommenting the examples of the starter gives a working config:
    the starter documents real syntax, not pseudo-code."""
    import re

    from ruconsist.commands.init import STARTER

    # "# key: value" and indented continuation lines are YAML; the rest is prose.
    lines = [m.group(1) for m in re.finditer(r"^# ((?:[a-z-]+:(?: .*)?|  +\S.*))$", STARTER, re.MULTILINE)]
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms/house.yaml").write_text("version: 1\nterms: []\n", encoding="utf-8")
    (tmp_path / ".ruconsist.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(tmp_path / ".ruconsist.yaml")
    assert config.options == {"zh-spacing": "none", "ru-quotes": "«»", "zh-quotes": "“”", "profile": "human", "source": "zh"}
    assert config.per_path_ignores == (("archive/*", ("ALL",)), ("*.po", ("TYP002",)))
    assert config.extend_ignore == ("TYP",)


def test_configuration_doc_covers_every_key_and_option() -> None:
    doc = (REPO / "docs/configuration.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"`{key}`" in doc, key
    for option in OPTIONS:
        assert f"`{option}`" in doc, option


def test_configuration_doc_examples_are_valid(tmp_path: Path) -> None:
    import re

    doc = (REPO / "docs/configuration.md").read_text(encoding="utf-8")
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms/house.yaml").write_text("version: 1\nterms: []\n", encoding="utf-8")
    checked = 0
    for lang, body in re.findall(r"```(yaml|toml)\n(.*?)```", doc, re.DOTALL):
        name = ".ruconsist.yaml" if lang == "yaml" else "pyproject.toml"
        if lang == "toml":
            body = body if "[tool.ruconsist" in body else ""
        (tmp_path / name).write_text(body, encoding="utf-8")
        config = load_config(tmp_path / name)
        checked += 1
        if "extend-ignore" in body:
            assert config.extend_ignore == ("TYP005",)
            assert config.per_path_ignores[0] == ("archive/*", ("ALL",))
    assert checked >= 3
