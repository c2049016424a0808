"""Hostile and unusual input: a clear line, exit 2, and the run goes on."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from ruconsist.cli import main
from tests.conftest import DATA, LONG_RUN

NEWS = str(DATA / "news.yaml")
GOOD_RU = "Визит Путина.\n"
GOOD_ZH = "访问。\n"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "good.ru.txt").write_text(GOOD_RU, encoding="utf-8")
    (tmp_path / "good.zh.txt").write_text(GOOD_ZH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(repo: Path, *extra: str) -> tuple[int, str, str]:
    return run(["check", ".", "--no-default-rules", "--rules", NEWS, *extra])


def assert_one_clear_line(code: int, out: str, err: str, starts: str, contains: str) -> None:
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"ruconsist: {starts}"), err
    assert contains in err
    assert "Traceback" not in err
    # The good pair was still checked.
    assert "good.ru.txt:1:7: TRM001" in out


@pytest.mark.parametrize(
    ("data", "starts", "contains"),
    [
        ("Визит Путина в Пекин.\n".encode("cp1251"), "bad.ru.txt:1:", "--encoding"),
        ("Визит Путина.\nВторая строка \xff.\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"), "bad.ru.txt:2:", "not valid UTF-8"),
        (b"\x00" * 64 + b"text", "bad.ru.txt:", "binary file"),
        (b"", "bad.ru.txt:", "empty file"),
        (b"   \r\n\t  \n", "bad.ru.txt:", "only white space"),
    ],
)
def test_undecodable_or_empty_file(repo: Path, data: bytes, starts: str, contains: str) -> None:
    (repo / "bad.ru.txt").write_bytes(data)
    (repo / "bad.zh.txt").write_text("访问北京。\n", encoding="utf-8")
    assert_one_clear_line(*lint(repo), starts, contains)


def test_gb18030_file_gets_a_hint_and_reads_with_encoding_option(repo: Path) -> None:
    (repo / "g.ru.txt").write_bytes("Визит Путина.\n".encode("gb18030"))
    (repo / "g.zh.txt").write_bytes("普京访问。\n".encode("gb18030"))
    code, out, err = run(["check", "g.zh.txt", "--no-default-rules", "--rules", NEWS])
    assert code == 2 and "not valid UTF-8" in err and "gb18030" in err
    code, out, err = run(["check", "g.zh.txt", "--encoding", "gb18030", "--no-default-rules", "--rules", NEWS])
    assert (code, err) == (0, "")


def test_utf16_with_bom_is_detected(repo: Path) -> None:
    (repo / "u.ru.txt").write_bytes("Визит Путина.\r\n".encode("utf-16"))
    (repo / "u.zh.txt").write_bytes("普京访问。\r\n".encode("utf-16"))
    code, out, err = run(["check", "u.ru.txt", "--no-default-rules", "--rules", NEWS])
    assert (code, err) == (0, "")


def test_utf8_bom_does_not_shift_columns(repo: Path) -> None:
    (repo / "b.ru.txt").write_bytes(b"\xef\xbb\xbf" + "Визит Лаврова.\n".encode("utf-8"))
    (repo / "b.zh.txt").write_text("访问。\n", encoding="utf-8")
    code, out, _ = run(["check", "b.ru.txt", "--no-default-rules", "--rules", NEWS, "-f", "parsable"])
    assert out.startswith("b.ru.txt:1:7: [error] TRM001")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_positions(repo: Path, newline: str) -> None:
    ru = newline.join(["Заголовок", "", "Первый абзац.", "", "Визит Лаврова в Пекин."]) + newline
    zh = newline.join(["标题", "", "第一段。", "", "访问北京。"]) + newline
    (repo / "n.ru.txt").write_bytes(ru.encode("utf-8"))
    (repo / "n.zh.txt").write_bytes(zh.encode("utf-8"))
    code, out, _ = run(["check", "n.ru.txt", "--no-default-rules", "--rules", NEWS, "-f", "parsable"])
    assert out.splitlines() == ["n.ru.txt:5:7: [error] TRM001 RU 'Лаврова' has no counterpart in ZH"
                                " (expected 谢尔盖·拉夫罗夫 or 拉夫罗夫)"]


def test_directory_where_a_file_was_expected(repo: Path) -> None:
    (repo / "d.zh.txt").mkdir()
    (repo / "d.ru.txt").write_text("Текст.\n", encoding="utf-8")
    code, out, err = run(["check", "--ru", "d.ru.txt", "--zh", "d.zh.txt", "--no-default-rules"])
    assert code == 2 and err == "ruconsist: d.zh.txt: is a directory, not a file\n"


def test_broken_symlink(repo: Path) -> None:
    (repo / "s.ru.txt").write_text("Текст.\n", encoding="utf-8")
    os.symlink(repo / "nowhere.txt", repo / "s.zh.txt")
    code, out, err = run(["check", "--ru", "s.ru.txt", "--zh", "s.zh.txt", "--no-default-rules"])
    assert code == 2 and err == "ruconsist: s.zh.txt: broken symbolic link\n"


def test_unreadable_file(repo: Path, monkeypatch) -> None:
    (repo / "p.ru.txt").write_text("Текст.\n", encoding="utf-8")
    (repo / "p.zh.txt").write_text("文本。\n", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        # Tests run as root in CI, where chmod 000 does not stop reads.
        if self.name == "p.zh.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, out, err = lint(repo)
    assert_one_clear_line(code, out, err, "p.zh.txt", "permission denied")


def test_oversized_file_is_refused_quickly(repo: Path) -> None:
    big = repo / "big.ru.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (repo / "big.zh.txt").write_text("文本。\n", encoding="utf-8")
    code, out, err = lint(repo)
    assert_one_clear_line(code, out, err, "big.ru.txt", "file too large (50 MB")


#: A megabyte on one line in the long run (tests/conftest.py); an eighth
#: of it by default, through the same code: nothing limits a line's length.
LONG_LINE_REPEATS = 48000 if LONG_RUN else 6000


def test_a_very_long_single_line_is_checked(repo: Path) -> None:
    (repo / "long.ru.txt").write_text(("Визит Путина в Пекин, " * LONG_LINE_REPEATS) + "\n", encoding="utf-8")
    (repo / "long.zh.txt").write_text(("普京访问北京，" * LONG_LINE_REPEATS) + "\n", encoding="utf-8")
    code, out, err = run(["check", "long.ru.txt", "--no-default-rules", "--rules", NEWS])
    assert (code, err) == (0, "")


def test_bilingual_file_with_one_language(repo: Path) -> None:
    (repo / "only-russian.txt").write_text("Заголовок\n\nТолько русский текст.\n", encoding="utf-8")
    code, out, err = run(["check", "only-russian.txt", "good.ru.txt", "--no-default-rules", "--rules", NEWS])
    assert code == 2 and err == "ruconsist: only-russian.txt: bilingual file has no Chinese text\n"
    assert "good.ru.txt:1:7: TRM001" in out


def test_pair_given_in_either_order_reports_the_same(repo: Path) -> None:
    a = run(["check", "good.ru.txt", "good.zh.txt", "--no-default-rules", "--rules", NEWS, "-f", "json"])
    b = run(["check", "good.zh.txt", "good.ru.txt", "--no-default-rules", "--rules", NEWS, "-f", "json"])
    assert a == b


def _default_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_until_it_handles_signals(pid: int, deadline: float) -> None:
    """Until the run catches SIGTERM (and SIGINT, which Python catches
    from its start): ``main`` has started, so an interruption from here
    on is the run's to handle (one sent while the
    interpreter is still importing is Python's, not ruconsist's).  Read
    from ``/proc``, which says it without the run printing anything;
    elsewhere, a pause long enough for the imports."""
    import signal
    import time

    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        time.sleep(3.0)
        return
    bits = (1 << (signal.SIGTERM - 1)) | (1 << (signal.SIGINT - 1))
    while time.monotonic() < deadline:
        try:
            caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            return  # the process has ended: the caller sees how
        if int(caught.split()[1], 16) & bits == bits:
            return
        time.sleep(0.02)


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_interrupted_run_leaves_no_partial_file(repo: Path, sig: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    # Minutes of checking: the signal comes long before the end.
    (repo / "long.ru.txt").write_text(("Визит Путина в Пекин 4 февраля 2026 года. " * 20 + "\n\n") * 3000, encoding="utf-8")
    (repo / "long.zh.txt").write_text(("普京于2026年2月4日访问北京。" * 20 + "\n\n") * 3000, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in repo.iterdir()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ruconsist", "check", ".", "-f", "json", "-o", "report.json"],
        cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A group of its own: a run that overstays is ended with its workers.
        start_new_session=True,
        # Ctrl-C's default action, whatever this process inherited: a test
        # run started in the background (a CI step, 'nohup', 'cmd &') has
        # SIGINT ignored, its children too, and a run that ignores the
        # signal goes on to the end of its input.
        preexec_fn=_default_sigint,
    )
    try:
        # Generous limits: on a loaded machine the start alone can take
        # many seconds; an idle one needs well under one for each step.
        _wait_until_it_handles_signals(proc.pid, time.monotonic() + 120)
        proc.send_signal(getattr(signal, sig))
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    if proc.returncode in (0, 1):
        pytest.skip("the run finished before the signal")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    # No report (it was not finished), no temporary file, inputs unchanged.
    assert {p.name: p.read_bytes() for p in repo.iterdir()} == before


def test_counterpart_in_a_different_format(repo: Path) -> None:
    # The RU file is a locale JSON; its "counterpart" holds Markdown.
    (repo / "ui.ru.json").write_text('{"title": "Визит Путина"}\n', encoding="utf-8")
    (repo / "ui.zh.json").write_text("# 普京访问\n\n正文。\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in repo.iterdir()}
    code, out, err = lint(repo)
    assert_one_clear_line(code, out, err, "ui.zh.json:1:", "not valid JSON")
    assert {p.name: p.read_bytes() for p in repo.iterdir()} == before


# An alias inside the node it names makes a document that would expand
# without end: refused at once, with the line of the anchor, in rule
# packs, configuration files and locale files alike.
RECURSIVE_PACK = "version: 1\npack: loop\nterms: &t\n  - *t\n"
RECURSIVE_CONFIG = "select: &s [*s]\n"
RECURSIVE_LOCALE = "ru:\n  menu: &m\n    open: Открыть\n    again: *m\n"


def test_recursive_yaml_in_a_rule_pack_is_refused_with_its_line(repo: Path) -> None:
    (repo / "loop.yaml").write_text(RECURSIVE_PACK, encoding="utf-8")
    code, out, err = run(["check", ".", "--rules", "loop.yaml"])
    assert (code, err) == (2, "ruconsist: loop.yaml:3: an alias refers to a node that contains it (a recursive document); refusing it\n")


def test_recursive_yaml_in_a_configuration_file_is_refused_with_its_line(repo: Path) -> None:
    (repo / ".ruconsist.yaml").write_text(RECURSIVE_CONFIG, encoding="utf-8")
    code, out, err = run(["check", "."])
    assert code == 2
    assert err.endswith(".ruconsist.yaml:1: an alias refers to a node that contains it (a recursive document); refusing it\n"), err


def test_recursive_yaml_in_a_locale_file_is_one_input_error(repo: Path) -> None:
    (repo / "ru.yml").write_text(RECURSIVE_LOCALE, encoding="utf-8")
    (repo / "zh.yml").write_text("zh:\n  menu:\n    open: 打开\n", encoding="utf-8")
    assert_one_clear_line(*lint(repo), "ru.yml:2:", "an alias refers to a node that contains it")
