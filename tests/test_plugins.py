"""Plugins: every hook works for a throwaway plugin on a fresh plugin
manager, and a real plugin distribution (tests/plugin_dist), built and
installed into a throwaway virtualenv, shows its check, its rule pack and
its format in a run, until --no-plugins or the allowlist turns it off."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from ruconsist import hookspecs
from ruconsist.checks.base import Check, PairContext
from ruconsist.commands.check import _formatters
from ruconsist.config import Config
from ruconsist.diagnostic import Diagnostic, Severity
from ruconsist.document import Segment, SegmentPair
from ruconsist.engine import Linter
from ruconsist.errors import ConfigError, RuleError
from ruconsist.formatters.base import Formatter
from ruconsist.hookspecs import hookimpl
from ruconsist.pairing import FilePair
from ruconsist.plugins import get_plugin_manager
from ruconsist.readers.base import Parsed, Reader
from ruconsist.rules import load_rules
from tests.conftest import DATA, REPO

NEWS = str(DATA / "news.yaml")
RU = "Заголовок\n\nЛавров встретился с Ван И.\n\nВизит Путина в Китай.\n"
ZH = "标题\n\n拉夫罗夫会见了王毅。\n\n普京访问中国。\n"


@pytest.fixture
def pm():  # type: ignore[no-untyped-def]
    return get_plugin_manager(load_entrypoints=False)


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FilePair:
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return FilePair(Path("a.ru.md"), Path("a.zh.md"))


def lint(pm, pair: FilePair, **config) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    linter = Linter(Config(**config), pm=pm, rules=load_rules([NEWS], defaults=False))
    result = linter.lint_pair(pair)
    assert result.error is None, result.error
    return [(d.code, d.location.short()) for d in result.diagnostics]


class LongParagraph(Check):
    """Flags a Russian paragraph of more than five words (test only)."""

    code = "XLP001"
    slug = "long-paragraph"
    category = "style"
    severity = Severity.WARNING

    def check(self, bead: SegmentPair, ctx: PairContext) -> Iterator[Diagnostic]:
        if len(bead.ru.text.split()) > 4:
            yield self.report(bead, "ru", 0, len(bead.ru.text), "RU paragraph is long")


def test_hook_ruconsist_register_checks(pm, pair) -> None:  # type: ignore[no-untyped-def]
    class P:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(LongParagraph)

    pm.register(P(), name="p")
    assert lint(pm, pair) == [("XLP001", "a.ru.md:3:1")]


@pytest.mark.parametrize("code", ["XLPQ01", "XLP0001", "xlp001", "ALN001"])
def test_bad_or_taken_check_codes_are_refused(pm, code: str) -> None:  # type: ignore[no-untyped-def]
    bad = type("Bad", (LongParagraph,), {"code": code})

    class P:
        @hookimpl
        def ruconsist_register_checks(self, register):  # type: ignore[no-untyped-def]
            register(bad)

    pm.register(P(), name="p")
    with pytest.raises(RuleError, match=re.escape(code)):
        Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))


class SemicolonReader(Reader):
    """``*.sc``: one segment per ``;``-separated item (test only)."""

    name = "semicolon"
    extensions = (".sc",)

    def read(self, doc, lang, config):  # type: ignore[no-untyped-def]
        segs, pos = [], 0
        for part in doc.text.split(";"):
            start = pos + len(part) - len(part.lstrip())
            text = part.strip()
            if text:
                segs.append(Segment(doc, lang, start, text))
            pos += len(part) + 1
        return Parsed(doc, {lang: segs})


def test_hook_ruconsist_register_readers(pm, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class P:
        @hookimpl
        def ruconsist_register_readers(self, register):  # type: ignore[no-untyped-def]
            register(SemicolonReader)

    pm.register(P(), name="p")
    (tmp_path / "a.ru.sc").write_text("Лавров прибыл; Путин уехал", encoding="utf-8")
    (tmp_path / "a.zh.sc").write_text("拉夫罗夫抵达; 访问结束", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    assert ".sc" in linter.extensions
    (found,) = list(linter.pairs(["."]))
    result = linter.lint_pair(found)
    assert [(d.code, d.location.short()) for d in result.diagnostics] == [("TRM001", "a.ru.sc:1:16")]


class CountFormatter(Formatter):
    name = "count"

    def begin(self) -> None:
        self.n = 0

    def handle(self, diagnostics, result):  # type: ignore[no-untyped-def]
        self.n += len(diagnostics)

    def finish(self, summary) -> None:  # type: ignore[no-untyped-def]
        self.stream.write(f"{self.n}\n")


def test_hook_ruconsist_register_formatters(pm) -> None:  # type: ignore[no-untyped-def]
    class P:
        @hookimpl
        def ruconsist_register_formatters(self, register):  # type: ignore[no-untyped-def]
            register("count", CountFormatter)

    pm.register(P(), name="p")
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    formats = _formatters(linter)
    assert formats["count"] is CountFormatter
    assert {"text", "json", "sarif", "github", "junit", "gitlab"} <= set(formats)


def test_a_format_name_taken_twice_is_an_error(pm) -> None:  # type: ignore[no-untyped-def]
    class P:
        @hookimpl
        def ruconsist_register_formatters(self, register):  # type: ignore[no-untyped-def]
            register("sarif", CountFormatter)

    pm.register(P(), name="p")
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    with pytest.raises(ConfigError, match=r"output format 'sarif' registered twice \(.*CountFormatter"):
        _formatters(linter)


def test_hook_ruconsist_register_packs(pm, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "extra.yaml"
    pack.write_text(
        "version: 1\nterms:\n  - id: wang-yi\n    category: name\n    ru: [Ван И]\n    zh: [王毅]\n", encoding="utf-8"
    )

    class P:
        @hookimpl
        def ruconsist_register_packs(self, register):  # type: ignore[no-untyped-def]
            register(pack)

    pm.register(P(), name="p")
    plugin_packs: list[Path] = []
    pm.hook.ruconsist_register_packs(register=plugin_packs.append)
    rules = load_rules([NEWS], defaults=True, plugin_packs=plugin_packs)
    assert "wang-yi" in {t.id for t in rules.terms}
    # Plugin packs go with the defaults: --no-default-rules drops them.
    assert "wang-yi" not in {t.id for t in load_rules([NEWS], defaults=False, plugin_packs=plugin_packs).terms}


def test_hook_ruconsist_find_counterpart(pm, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "original").mkdir()
    (tmp_path / "translation").mkdir()
    (tmp_path / "original/a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "translation/a-chinese.md").write_text(ZH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    class P:
        @hookimpl
        def ruconsist_find_counterpart(self, path, lang, config):  # type: ignore[no-untyped-def]
            if lang == "ru":
                cand = Path("translation") / path.name.replace(".ru.md", "-chinese.md")
                return cand if cand.exists() else None
            return None

    pm.register(P(), name="p")
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    (found,) = list(linter.pairs(["original/a.ru.md"]))
    assert (found.ru, found.zh) == (Path("original/a.ru.md"), Path("translation/a-chinese.md"))


def test_hook_ruconsist_segment(pm, pair) -> None:  # type: ignore[no-untyped-def]
    class WholeFile:
        """Treat each file as one segment (a plugin for texts whose
        paragraphs do not correspond one to one)."""

        @hookimpl
        def ruconsist_segment(self, parsed, lang, config):  # type: ignore[no-untyped-def]
            doc = parsed.doc
            return [Segment(doc, lang, 0, doc.text.rstrip("\n"))]

    def beads() -> list[tuple[str, str]]:
        linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
        return [(b.ru.text, b.zh.text) for b in linter.lint_pair(pair).beads]

    assert len(beads()) == 3
    pm.register(WholeFile(), name="p")
    assert beads() == [(RU.rstrip("\n"), ZH.rstrip("\n"))]


def test_hook_ruconsist_align(pm, pair) -> None:  # type: ignore[no-untyped-def]
    calls = []

    class Positional:
        """Pair segments by position (a plugin's aligner runs before the
        built-in one, which is trylast)."""

        @hookimpl
        def ruconsist_align(self, ru, zh, config, rules):  # type: ignore[no-untyped-def]
            calls.append((len(ru), len(zh)))
            return [([r], [z]) for r, z in zip(ru, reversed(zh))]

    assert lint(pm, pair) == []
    pm.register(Positional(), name="p")
    found = lint(pm, pair)
    assert calls == [(3, 3)]
    # Reversed pairing puts the Putin paragraph against the title: each
    # side's names lack a counterpart in their own segment, but the other
    # side names them two segments away, within the omission window.
    assert found == []
    linter = Linter(Config(), pm=pm, rules=load_rules([NEWS], defaults=False))
    beads = [(b.ru.text, b.zh.text) for b in linter.lint_pair(pair).beads]
    assert [(ru[:5], zh[:2]) for ru, zh in beads] == [("Загол", "普京"), ("Лавро", "拉夫"), ("Визит", "标题")]


def test_every_hook_has_a_test_and_documentation() -> None:
    doc = (REPO / "docs/plugins.md").read_text(encoding="utf-8")
    tests = set(globals())
    for name in hookspecs.hook_names():
        assert f"test_hook_{name}" in tests, name
        section = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", doc, re.MULTILINE | re.DOTALL)
        assert section is not None, f"docs/plugins.md has no section for {name}"
        assert "```python" in section.group(1) and "@hookimpl" in section.group(1), name


def test_allowlist_naming_a_missing_plugin_is_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RUCONSIST_PLUGINS", "newsroomm")
    with pytest.raises(ConfigError, match=r"RUCONSIST_PLUGINS names plugin\(s\) that are not installed: newsroomm"):
        get_plugin_manager()


# A real distribution, installed into a throwaway virtualenv --------------


@pytest.fixture(scope="session")
def plugin_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv that sees this environment's packages and this
    checkout's ruconsist, with tests/plugin_dist installed into it."""
    root = tmp_path_factory.mktemp("plugin-venv")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    parent = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # This checkout first, then the running environment (whose .pth files,
    # e.g. an editable install, site.addsitedir processes too).
    lines = [str(REPO)] + [f"import site; site.addsitedir({p!r})" for p in sorted(parent)]
    (site / "_ruconsist_test_parent.pth").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Build from a copy: a build writes build/ and *.egg-info next to the sources.
    src = root / "plugin_dist"
    shutil.copytree(REPO / "tests/plugin_dist", src, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    isolation = ["--no-build-isolation"] if _can_build_here() else []
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", *isolation, str(src)],
        check=True,
    )
    return python


def _can_build_here() -> bool:
    """Whether this environment can build the plugin without fetching a
    build backend (setuptools before 70.1 needs the wheel package)."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def ruconsist(python: Path, cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "RUCONSIST_PLUGINS"}
    return subprocess.run(
        [str(python), "-m", "ruconsist", *args],
        cwd=cwd, capture_output=True, text=True, env={**base, "NO_COLOR": "1", **(env or {})},
    )


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news/oil.ru.md").write_text(
        "Нефть\n\nХрущева вспоминали в «Якутскэнерго».\n", encoding="utf-8")
    (tmp_path / "news/oil.zh.md").write_text("石油\n\n人们在公司回忆赫鲁晓夫。\n", encoding="utf-8")
    return tmp_path


def test_installed_plugin_is_listed(plugin_python: Path, newsroom: Path) -> None:
    proc = ruconsist(plugin_python, newsroom, "plugins")
    assert proc.returncode == 0, proc.stderr
    assert "newsroom                 ruconsist-newsroom 0.1.0 (ruconsist_newsroom)\n" in proc.stdout
    assert "    hooks: register_checks, register_formatters, register_packs\n" in proc.stdout


def test_installed_plugin_shows_its_check_pack_and_format(plugin_python: Path, newsroom: Path) -> None:
    proc = ruconsist(plugin_python, newsroom, "check", "news", "--format", "tsv", "--select", "NWS,TRM")
    # Only warnings: an omitted name is not an error by default.
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "path\tline\tcolumn\tcode\tseverity\tmessage\tcounterpart",
        "news/oil.ru.md\t3\t1\tNWS001\twarning\tRU 'Хрущев' is written with ё in house style (expected 'Хрущёв')"
        "\tnews/oil.zh.md:3:1",
        "news/oil.ru.md\t3\t23\tTRM001\twarning\tRU 'Якутскэнерго' has no counterpart in ZH (expected 雅库茨克能源公司)"
        "\tnews/oil.zh.md:3:1",
    ]
    explain = ruconsist(plugin_python, newsroom, "explain", "NWS001")
    assert explain.stdout.startswith("NWS001 yo-in-names (category style, default severity warning)")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-plugins"], {}),
        ([], {"RUCONSIST_PLUGINS": ""}),
    ],
)
def test_no_plugins_and_empty_allowlist_disable_it(plugin_python: Path, newsroom: Path, args: list[str],
                                                  env: dict[str, str]) -> None:
    proc = ruconsist(plugin_python, newsroom, "check", "news", "-f", "parsable", "--select", "NWS,TRM", *args, env=env)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    tsv = ruconsist(plugin_python, newsroom, "check", "news", "-f", "tsv", *args, env=env)
    assert tsv.returncode == 2 and "unknown format 'tsv'" in tsv.stderr


def test_allowlist_naming_the_plugin_keeps_it(plugin_python: Path, newsroom: Path) -> None:
    proc = ruconsist(plugin_python, newsroom, "check", "news", "-f", "parsable", "--select", "NWS",
                     env={"RUCONSIST_PLUGINS": "newsroom"})
    assert proc.returncode == 0 and "NWS001" in proc.stdout


def test_broken_plugin_pack_is_reported_with_its_file_and_line(plugin_python: Path, newsroom: Path) -> None:
    site = Path(subprocess.run([str(plugin_python), "-c", "import ruconsist_newsroom as m; print(m.__file__)"],
                               capture_output=True, text=True, check=True).stdout.strip()).parent
    pack = site / "newsroom.yaml"
    good = pack.read_text(encoding="utf-8")
    try:
        pack.write_text(good.replace("Лёвин", "Левин"), encoding="utf-8")
        proc = ruconsist(plugin_python, newsroom, "check", "news", "--select", "NWS")
        assert proc.returncode == 2
        assert re.fullmatch(r"ruconsist: \S*newsroom\.yaml:11: yo-names: 'Левин' has no ё\n", proc.stderr), proc.stderr
    finally:
        pack.write_text(good, encoding="utf-8")


def test_plugin_dist_is_documented() -> None:
    doc = (REPO / "docs/plugins.md").read_text(encoding="utf-8")
    assert "tests/plugin_dist" in doc
    text = (REPO / "tests/plugin_dist/pyproject.toml").read_text(encoding="utf-8")
    assert textwrap.dedent('[project.entry-points.ruconsist]\nnewsroom = "ruconsist_newsroom"') in text


def test_plugin_listing_and_trace(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from ruconsist.cli import main

    monkeypatch.setenv("RUCONSIST_TRACE_PLUGINS", "1")
    out, err = io.StringIO(), io.StringIO()
    assert main(["plugins", "--no-plugins"], stdout=out, stderr=err) == 0
    assert "ruconsist.checks         built-in\n    hooks: register_checks\n" in out.getvalue()
    assert out.getvalue().endswith("third-party plugins disabled (--no-plugins)\n")
    assert main(["rules", "--no-plugins", "--no-default-rules"], stdout=out, stderr=err) == 0
    trace = capsys.readouterr().err.splitlines()
    assert "ruconsist: hook ruconsist_register_checks -> ruconsist.checks" in trace
    assert "ruconsist: hook ruconsist_register_readers -> ruconsist.readers" in trace
