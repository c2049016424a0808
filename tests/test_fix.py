"""Safe fixes: planned per file, shown as a diff, written atomically with
the file's encoding, BOM and line endings, only under version control,
and a second run finds nothing more to fix."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
from pathlib import Path

import pytest

from ruconsist import testing
from ruconsist.diagnostic import Diagnostic, Fix, Severity
from ruconsist.document import Document, decode
from ruconsist.fix import apply, docs_of, plan_fixes, unified_diff
from tests.conftest import DATA

NEWS = str(DATA / "news.yaml")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_dir(path: Path):  # type: ignore[no-untyped-def]
    linter = testing.linter(select=["TRM002"], packs=[NEWS], defaults=False)
    results = list(linter.lint_paths([str(path)]))
    diags = [d for r in results for d in r.diagnostics]
    return diags, docs_of(results)


def finding(doc: Document, old: str, new: str, code: str = "TRM002", nth: int = 0) -> Diagnostic:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(old, start + 1)
    loc = doc.location("zh", start, start + len(old))
    return Diagnostic(code, "x", "name", Severity.ERROR, f"'{old}' is wrong", loc,
                      fix=Fix(doc.path, start, start + len(old), new))


def test_fix_through_the_pipeline_then_nothing_is_left_to_fix(repo: Path) -> None:
    (repo / "a.ru.md").write_text("Путин прибыл в Пекин.\n\nПутин встретился с Си Цзиньпином.\n", encoding="utf-8")
    (repo / "a.zh.md").write_text("普丁抵达北京。\n\n普丁会见了习近平。\n", encoding="utf-8")
    git(repo, "add", "a.ru.md", "a.zh.md")
    diags, docs = lint_dir(repo)
    plans = plan_fixes(diags, docs)
    assert unified_diff(plans) == (
        "--- a/a.zh.md\n"
        "+++ b/a.zh.md\n"
        "@@ -1,3 +1,3 @@\n"
        "-普丁抵达北京。\n"
        "+普京抵达北京。\n"
        " \n"
        "-普丁会见了习近平。\n"
        "+普京会见了习近平。\n"
    )
    assert apply(plans) == ["a.zh.md"]
    assert (repo / "a.zh.md").read_text(encoding="utf-8") == "普京抵达北京。\n\n普京会见了习近平。\n"
    again, docs = lint_dir(repo)
    assert plan_fixes(again, docs) == []


def test_showing_the_diff_writes_nothing(repo: Path) -> None:
    (repo / "a.ru.md").write_text("Путин.\n", encoding="utf-8")
    (repo / "a.zh.md").write_text("普丁。\n", encoding="utf-8")
    diags, docs = lint_dir(repo)
    assert "+普京。" in unified_diff(plan_fixes(diags, docs))
    assert (repo / "a.zh.md").read_text(encoding="utf-8") == "普丁。\n"


@pytest.mark.parametrize(
    ("text", "encoding", "bom", "given"),
    [
        ("普丁抵达北京。\n普丁表示。\n", "utf-8", b"", None),
        ("普丁抵达北京。\r\n普丁表示。\r\n", "utf-8", codecs.BOM_UTF8, None),
        ("普丁抵达北京。\r普丁表示。", "utf-8", b"", None),
        ("普丁抵达北京。\r\n普丁表示。\r\n", "utf-16-le", codecs.BOM_UTF16_LE, None),
        ("普丁抵达北京。\n普丁表示。\n", "utf-16-be", codecs.BOM_UTF16_BE, None),
        ("普丁抵达北京。\r\n普丁表示。\r\n", "gb18030", b"", "gb18030"),
    ],
)
def test_writes_keep_encoding_bom_and_line_endings(repo: Path, text: str, encoding: str, bom: bytes, given) -> None:
    path = repo / "a.zh.txt"
    path.write_bytes(bom + text.encode(encoding))
    git(repo, "add", "a.zh.txt")
    doc = decode(path.read_bytes(), "a.zh.txt", given)
    plans = plan_fixes([finding(doc, "普丁", "普京"), finding(doc, "普丁", "普京", nth=1)], [doc])
    assert apply(plans) == ["a.zh.txt"]
    assert path.read_bytes() == bom + text.replace("普丁", "普京").encode(encoding)


def test_files_outside_version_control_need_force(repo: Path) -> None:
    path = repo / "draft.zh.txt"
    path.write_text("普丁。\n", encoding="utf-8")
    doc = decode(path.read_bytes(), "draft.zh.txt")
    plans = plan_fixes([finding(doc, "普丁", "普京")], [doc])
    assert apply(plans) == []
    assert plans[0].refused == "not under version control (git); use --force to fix it anyway"
    assert path.read_text(encoding="utf-8") == "普丁。\n"
    assert apply(plans, force=True) == ["draft.zh.txt"]
    assert path.read_text(encoding="utf-8") == "普京。\n"


def test_a_file_changed_since_it_was_checked_is_left_alone(repo: Path) -> None:
    path = repo / "a.zh.txt"
    path.write_text("普丁。\n", encoding="utf-8")
    doc = decode(path.read_bytes(), "a.zh.txt")
    path.write_text("普丁。编辑过。\n", encoding="utf-8")
    plans = plan_fixes([finding(doc, "普丁", "普京")], [doc])
    assert apply(plans, force=True) == []
    assert plans[0].refused == "changed on disk since it was checked; run again"


def test_a_fix_the_encoding_cannot_hold_is_refused(repo: Path) -> None:
    path = repo / "a.ru.txt"
    path.write_bytes("Договор СНВ.\n".encode("cp1251"))
    doc = decode(path.read_bytes(), "a.ru.txt", "cp1251")
    plans = plan_fixes([finding(doc, "СНВ", "《СНВ》")], [doc])
    assert apply(plans, force=True) == []
    assert plans[0].refused == "the fix cannot be written in cp1251 ('《')"
    assert path.read_bytes() == "Договор СНВ.\n".encode("cp1251")


def test_the_write_is_atomic_and_keeps_permissions(repo: Path) -> None:
    path = repo / "a.zh.txt"
    path.write_text("普丁。\n", encoding="utf-8")
    path.chmod(0o640)
    git(repo, "add", "a.zh.txt")
    doc = decode(path.read_bytes(), "a.zh.txt")
    apply(plan_fixes([finding(doc, "普丁", "普京")], [doc]))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in repo.iterdir() if p.name != ".git") == ["a.zh.txt"]


@pytest.mark.parametrize(
    ("text", "edits", "result", "skipped"),
    [
        # The same fix from two findings is applied once.
        ("弗拉基米尔*普京", [("*", "·", 0), ("*", "·", 0)], "弗拉基米尔·普京", 0),
        # Overlapping fixes: the first wins, the other waits for the next run.
        ("会谈,普丁表示", [(",普丁", "，普京", 0), ("普丁", "普京", 0)], "会谈，普京表示", 1),
        # Two insertions at one place: their order would be a guess.
        ("依据联合国宪章", [("", "《", 0), ("", "〈", 0)], "依据《联合国宪章", 1),
        # A fix that changes nothing is no fix.
        ("普京表示", [("普京", "普京", 0)], None, 1),
    ],
)
def test_plan_drops_duplicate_overlapping_and_empty_fixes(text, edits, result, skipped) -> None:
    doc = Document("a.zh.txt", text)
    diags = []
    for old, new, nth in edits:
        if old:
            diags.append(finding(doc, old, new, nth=nth))
        else:
            at = text.index("联合国")
            loc = doc.location("zh", at, at)
            diags.append(Diagnostic("TTL002", "x", "title", Severity.ERROR, "m", loc, fix=Fix("a.zh.txt", at, at, new)))
    plans = plan_fixes(diags, {"a.zh.txt": doc})
    if result is None:
        assert plans == []
        return
    (plan,) = plans
    assert (plan.text, len(plan.skipped)) == (result, skipped)


def test_diff_marks_a_last_line_without_newline() -> None:
    doc = Document("a.zh.txt", "普丁")
    diff = unified_diff(plan_fixes([finding(doc, "普丁", "普京")], [doc]))
    assert diff.endswith("-普丁\n\\ No newline at end of file\n+普京\n\\ No newline at end of file\n")


def test_only_meaning_safe_fixes_are_applied() -> None:
    from ruconsist.fix import SAFE_CODES

    # Separator, forbidden variant, half-width punctuation, 《》 marks.
    assert SAFE_CODES == {"NAM001", "TRM002", "TYP001", "TTL002"}


def test_a_read_only_file_is_reported_not_rewritten(repo: Path) -> None:
    path = repo / "a.zh.txt"
    path.write_text("普丁。\n", encoding="utf-8")
    git(repo, "add", "a.zh.txt")
    path.chmod(0o444)
    doc = decode(path.read_bytes(), "a.zh.txt")
    plans = plan_fixes([finding(doc, "普丁", "普京")], [doc])
    # Even as root, for whom the rename would succeed.
    assert apply(plans) == []
    assert plans[0].refused == "read-only file; not rewritten"
    assert path.read_text(encoding="utf-8") == "普丁。\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444


def test_a_directory_link_out_of_the_repository_is_not_written_through(repo: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path_factory.mktemp("other-repository")
    git(other, "init", "-q")
    (other / "a.zh.txt").write_text("普丁。\n", encoding="utf-8")
    git(other, "add", "a.zh.txt")
    (repo / "linked").symlink_to(other)
    doc = decode((repo / "linked" / "a.zh.txt").read_bytes(), "linked/a.zh.txt")
    plans = plan_fixes([finding(doc, "普丁", "普京")], [doc])
    assert apply(plans, force=True) == []
    assert plans[0].refused.startswith("reached through a symbolic link that leads out of the repository")
    assert (other / "a.zh.txt").read_text(encoding="utf-8") == "普丁。\n"


def test_a_link_inside_the_repository_stays_a_link_and_its_file_is_fixed(repo: Path) -> None:
    (repo / "real.zh.txt").write_text("普丁。\n", encoding="utf-8")
    (repo / "a.zh.txt").symlink_to("real.zh.txt")
    git(repo, "add", "real.zh.txt", "a.zh.txt")
    doc = decode((repo / "a.zh.txt").read_bytes(), "a.zh.txt")
    assert apply(plan_fixes([finding(doc, "普丁", "普京")], [doc])) == ["a.zh.txt"]
    assert (repo / "a.zh.txt").is_symlink()
    assert (repo / "real.zh.txt").read_text(encoding="utf-8") == "普京。\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file another owner")
def test_the_write_keeps_the_owner(repo: Path) -> None:
    path = repo / "a.zh.txt"
    path.write_text("普丁。\n", encoding="utf-8")
    git(repo, "add", "a.zh.txt")
    os.chown(path, 1234, 4321)
    doc = decode(path.read_bytes(), "a.zh.txt")
    assert apply(plan_fixes([finding(doc, "普丁", "普京")], [doc])) == ["a.zh.txt"]
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (1234, 4321)
