"""What a new user meets first: nothing passes silently, every wrong
input gets one clear line and exit 2, common language tags pair."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.pairing import discover, is_traditional_tag, lang_of, make_pairs, tag_lang
from ruconsist.plugins import get_plugin_manager
from tests.conftest import DATA
from tests.test_cli import run

NEWS = str(DATA / "news.yaml")
RULES = ["--no-default-rules", "--rules", NEWS]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


# Language tags ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lang", "tag"),
    [
        ("newstest.rus.txt", "ru", "rus"),
        ("newstest.zho-CN.txt", "zh", "zho-CN"),
        ("a.cmn.md", "zh", "cmn"),
        ("a.zh-Hans-CN.md", "zh", "zh-Hans-CN"),
        ("a.zh-SG.md", "zh", "zh-SG"),
        ("a.ZH-cn.md", "zh", "ZH-cn"),
        ("a.ru-Cyrl-RU.md", "ru", "ru-Cyrl-RU"),
        ("a.chi.md", "zh", "chi"),
        ("udhr_cmn_hans.xml", "zh", "cmn_hans"),
        ("rus_Cyrl.devtest", "ru", "rus_Cyrl"),
        ("po/zh_CN.po", "zh", "zh_CN"),  # the whole stem is the tag, not 'zh' + 'CN'
        ("po/cmn-Hans-CN.po", "zh", "cmn-Hans-CN"),
        ("docs/zh-Hans-CN/intro.md", "zh", "zh-Hans-CN"),
        ("docs/rus/intro.md", "ru", "rus"),
        # Words that end like a tag are not tagged.
        ("tai-chi.md", None, None),
        ("my-run.md", None, None),
        ("russian.md", None, None),
    ],
)
def test_iso_639_and_bcp_47_tags_name_the_language(name: str, lang: str | None, tag: str | None) -> None:
    info = lang_of(Path(name))
    got = (info[0], info[1]) if info else (None, None)
    assert got == (lang, tag)


def test_traditional_tags_are_told_apart() -> None:
    assert [is_traditional_tag(t) for t in ("zh-TW", "zh_Hant", "zh-HK", "zho-TW", "zh-Hant-CN")] == [True] * 5
    assert [is_traditional_tag(t) for t in ("zh", "zh-CN", "zh-SG", "zh-Hans", "ru")] == [False] * 5
    assert (tag_lang("cmn"), tag_lang("rus"), tag_lang("eng")) == ("zh", "ru", None)


def _pairs(root: Path, files: list[str], args: list[str], config: Config | None = None):
    write(root, {f: "Текст. 文本。\n" for f in files})
    pm = get_plugin_manager(load_entrypoints=False)
    config = config or Config()
    found = discover([str(root / a) for a in args], (".md", ".txt"), config)
    rel = lambda p: p.relative_to(root).as_posix() if p else None  # noqa: E731
    return [(rel(p.ru), rel(p.zh), rel(p.missing)) for p in make_pairs(found, config, pm)]


def test_iso_639_3_and_bcp_47_files_pair_as_ntrex_names_them(tmp_path: Path) -> None:
    files = ["ntrex/newstest.rus.txt", "ntrex/newstest.zho-CN.txt", "x/a.ru.md", "x/a.zh-Hans-CN.md"]
    assert _pairs(tmp_path, files, ["ntrex", "x"]) == [
        ("ntrex/newstest.rus.txt", "ntrex/newstest.zho-CN.txt", None),
        ("x/a.ru.md", "x/a.zh-Hans-CN.md", None),
    ]


def test_a_simplified_counterpart_is_preferred_to_a_traditional_one(tmp_path: Path) -> None:
    files = ["n/t.rus.txt", "n/t.zho-TW.txt", "n/t.zho-CN.txt"]
    assert _pairs(tmp_path, files, ["n/t.rus.txt"]) == [("n/t.rus.txt", "n/t.zho-CN.txt", None)]


def test_directory_tags_in_bcp_47_form_pair(tmp_path: Path) -> None:
    files = ["docs/rus/a.md", "docs/zh-Hans-CN/a.md"]
    assert _pairs(tmp_path, files, ["docs/zh-Hans-CN/a.md"]) == [("docs/rus/a.md", "docs/zh-Hans-CN/a.md", None)]


def test_a_pairs_template_with_any_extension_pairs_in_a_directory_walk(tmp_path: Path) -> None:
    # FLORES names its files rus_Cyrl.devtest / zho_Hans.devtest: no
    # reader handles .devtest, a template still pairs them in a walk.
    config = Config(root=tmp_path, pairs=({"ru": "ru/{name}.devtest", "zh": "zh/{name}.devtest"},))
    files = ["flores/ru/set.devtest", "flores/zh/set.devtest", "flores/notes.devtest"]
    assert _pairs(tmp_path, files, ["flores"], config) == [("flores/ru/set.devtest", "flores/zh/set.devtest", None)]


# Nothing passes silently ------------------------------------------------


def test_a_directory_without_pairs_is_exit_two_and_says_how_to_pair(tmp_path: Path) -> None:
    write(tmp_path, {"notes.md": "Просто заметки.\n", "corpus/rus_Cyrl.devtest": "Текст.\n", "corpus/zho_Hans.devtest": "文本。\n"})
    code, out, err = run(["check", str(tmp_path), *RULES])
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"ruconsist: no RU/ZH file pair found in {tmp_path}: looked for files named by language")
    assert "rus_Cyrl.devtest" in err and "carry a language tag but no reader handles the extension" in err
    assert "--ru FILE --zh FILE" in err and "'pairs:' templates" in err


def test_an_empty_directory_is_exit_two(tmp_path: Path) -> None:
    code, _, err = run(["check", str(tmp_path), *RULES])
    assert code == 2 and err.startswith("ruconsist: no RU/ZH file pair found")


def test_the_pre_commit_hook_given_no_pair_file_passes(tmp_path: Path, monkeypatch) -> None:
    # pre-commit hands --paired-only every changed file: a commit of
    # README.md alone checks nothing, and rightly passes.
    write(tmp_path, {"README.md": "# readme\n"})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--paired-only", "README.md", *RULES])
    assert (code, err) == (0, "")
    assert out == "0 pairs checked: 0 errors, 0 warnings\n"


def test_a_path_that_does_not_exist_is_no_such_file(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, {"a.ru.md": "Путин приехал.\n", "a.zh.md": "普京来了。\n"})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "missing.ru.md", *RULES])
    assert (code, out, err) == (2, "", "ruconsist: missing.ru.md: no such file or directory\n")
    # The other paths are still checked; the run still ends in 2.
    code, out, err = run(["check", "missing.ru.md", "a.ru.md", *RULES])
    assert code == 2
    assert err == "ruconsist: missing.ru.md: no such file or directory\n"
    assert out == "1 pair checked: 0 errors, 0 warnings; 1 file could not be read\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "NUMM"], "usage: --select: 'NUMM' is not a code or code prefix (e.g. NUM or NUM001) (did you mean 'NUM'?)"),
        (["--ignore", "NOPE"], "usage: --ignore: 'NOPE' is not a code or code prefix (e.g. NUM or NUM001)"),
        (["--select", "NUM9"], "usage: --select: no check has code 'NUM9' (did you mean 'NUM'?)"),
        (["--extend-ignore", "TYPO"], "usage: --extend-ignore: 'TYPO' is not a code or code prefix (e.g. NUM or NUM001) (did you mean 'TYP'?)"),
        (["--extend-select", "TR"], None),
        (["--select", "ALL", "--ignore", "TYP001"], None),
        # With plugins turned off a well-formed code may be a plugin's.
        (["--select", "NWS,TRM", "--no-plugins"], None),
    ],
)
def test_select_and_ignore_on_the_command_line_name_real_codes(write_pair, args: list[str], message: str | None) -> None:
    ru, _ = write_pair("Путин приехал.\n", "普京来了。\n")
    code, _, err = run(["check", str(ru), *RULES, *args])
    if message is None:
        assert (code, err) == (0, "")
    else:
        assert (code, err) == (2, f"ruconsist: {message}\n")


# Output files -----------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_output_files_get_the_permissions_the_umask_gives(write_pair, tmp_path: Path, umask: int, mode: int) -> None:
    # A CI artifact is read by a later step, maybe as another user.
    ru, _ = write_pair("Путин приехал.\n", "普京来了。\n")
    old = os.umask(umask)
    try:
        code, _, err = run(["check", str(ru), *RULES, "-f", "json", "-o", str(tmp_path / "out" / "r.json")])
    finally:
        os.umask(old)
    assert (code, err) == (0, "")
    assert stat.S_IMODE((tmp_path / "out" / "r.json").stat().st_mode) == mode


def test_an_unwritable_output_path_is_one_line_and_exit_two(write_pair, tmp_path: Path) -> None:
    ru, _ = write_pair("Путин приехал.\n", "普京来了。\n")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run(["check", str(ru), *RULES, "-f", "json", "-o", str(blocker / "r.json")])
    assert (code, out) == (2, "")
    assert err == f"ruconsist: cannot write --output-file '{blocker / 'r.json'}': Not a directory\n"


def test_report_to_a_directory_is_one_line_and_exit_two(write_pair, tmp_path: Path) -> None:
    ru, _ = write_pair("Путин приехал.\n", "普京来了。\n")
    code, out, err = run(["report", str(ru), *RULES, "-o", str(tmp_path)])
    assert (code, out) == (2, "")
    assert err == f"ruconsist: usage: -o '{tmp_path}' is a directory; give the HTML file to write\n"
    code, _, err = run(["report", str(ru), *RULES, "-o", str(tmp_path / "a.ru.md" / "r.html")])
    assert code == 2 and err.startswith("ruconsist: cannot write") and "internal error" not in err


def test_text_output_leads_with_errors(write_pair, monkeypatch) -> None:
    ru, _ = write_pair("Москва, 4 февраля.\n\nПогибли 12 человек.\n", "莫斯科,2月4日。\n\n造成13人死亡。\n")
    monkeypatch.chdir(ru.parent)
    code, out, _ = run(["check", ".", *RULES])
    heads = [line.split(" [", 1)[0] for line in out.splitlines() if line.startswith("a.")]
    # The warning stands first in the file; the error is shown first.
    assert heads == ["a.zh.md:3:3: NUM001", "a.zh.md:1:4: TYP001"]
    code, out, _ = run(["check", ".", *RULES, "-f", "parsable"])
    assert [line.split(": ")[0] for line in out.splitlines()] == ["a.zh.md:1:4", "a.zh.md:3:3"]


def test_diff_only_previews_fixes_and_takes_no_revision(write_pair, monkeypatch) -> None:
    ru, zh = write_pair("Визит Владимира Путина.\n", "访问弗拉基米尔*普京。\n")
    monkeypatch.chdir(ru.parent)
    code, out, _ = run(["check", ".", *RULES, "--diff", "-f", "parsable"])
    assert "-访问弗拉基米尔*普京。" in out and "+访问弗拉基米尔·普京。" in out
    # A revision after --diff is not taken for one (that is --changed-since).
    code, out, err = run(["check", "--diff", "origin/main", *RULES])
    assert (code, out) == (2, "")
    assert err == "ruconsist: origin/main: no such file or directory (--diff takes no revision: --changed-since origin/main)\n"
    code, out, err = run(["check", ".", *RULES, "--diff", "origin/main"])
    assert (code, out, err) == (2, "", "ruconsist: usage: unrecognized arguments: origin/main (see 'ruconsist --help')\n")


def test_every_option_of_every_command_has_help_text() -> None:
    import argparse

    from ruconsist.cli import build_parser

    missing = []

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, sub_parser in action.choices.items():
                    walk(sub_parser, f"{name} {sub}")
            elif action.help is None and not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")

    walk(build_parser(), "ruconsist")
    assert missing == []


def test_show_alignment_given_one_file_of_a_pair_finds_the_other(write_pair, monkeypatch) -> None:
    ru, zh = write_pair("Путин приехал.\n", "普京来了。\n")
    monkeypatch.chdir(ru.parent)
    both = run(["show-alignment", "a.ru.md", "a.zh.md", *RULES])
    assert both[0] == 0 and "ZH  a.zh.md:1" in both[1]
    assert run(["show-alignment", "a.zh.md", *RULES]) == both
    assert run(["show-alignment", "a.ru.md", *RULES]) == both
    zh.unlink()
    assert run(["show-alignment", "a.ru.md", *RULES]) == (2, "", "ruconsist: a.ru.md: no counterpart found (expected a.zh.md)\n")
