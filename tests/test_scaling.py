"""Time and memory grow about linearly with the input, for every reader
and for the shapes that used to grow faster (a name repeated on one line,
``](`` repeated, a long line, dates on one line, many paragraphs, PO
continuation lines, a suppression comment listing many codes).

Each shape is checked at sizes n and 8n (n, 2n, 4n and 8n in CI).  The test compares
ratios, not absolute times, so that it holds on a busy machine: going from
n to 8n may cost at most ``LIMIT`` times more CPU time (linear is 8, or
less with the fixed cost of a pair; quadratic is 64), and the peak of
traced memory at 8n at most ``LIMIT`` times that at n (traced for a few
shapes by default, for all in CI).  The default run
uses small sizes; ``RUCONSIST_SCALING=full`` or ``CI=true`` multiplies them by 8
and times every doubling.
"""

from __future__ import annotations

import gc
import io
import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from ruconsist.config import Config
from ruconsist.engine import Linter
from tests.conftest import LONG_RUN

FULL = LONG_RUN  # RUCONSIST_SCALING=full (.ci/run) or CI=true
SCALE = 8 if FULL else 1
LIMIT = 20.0
#: The sizes timed: n and 8n by default, every doubling in CI.
FACTORS = (1, 2, 4, 8) if FULL else (1, 8)

Files = dict[str, str | bytes]


def _text(ru: str, zh: str, ext: str = "txt") -> Files:
    return {f"a.ru.{ext}": ru, f"a.zh.{ext}": zh}


def _po(entries: list[tuple[str, str]]) -> str:
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return head + "".join(f'msgid "{a}"\nmsgstr "{b}"\n\n' for a, b in entries)


def _table(word: str, rows: int, columns: int, cells: int | None = None) -> str:
    """A Markdown table of ``columns`` columns whose rows hold ``cells``
    cells (all of them by default)."""
    head = "|" + "".join(f" {word} {c} |" for c in range(columns)) + "\n|" + "---|" * columns + "\n"
    return head + "".join("|" + f" {word} {r} |" * (cells or columns) + "\n" for r in range(rows))


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


#: shape -> (n at the default scale, files of size k, extra configuration)
SHAPES: dict[str, tuple[int, Callable[[int], Files], dict[str, object]]] = {
    "name repeated on one line (Palladius)": (300, lambda k: _text("Путин " * k + "\n", "普京\n"), {}),
    "']( ' repeated (Markdown, typography)": (400, lambda k: _text("](" * k + "\n", "](" * k + "\n", "md"), {}),
    "emphasis markers on one line (Markdown)": (400, lambda k: _text("*a " * k + "\n", "*中 " * k + "\n", "md"), {}),
    "one long line of prose": (150, lambda k: _text(
        "Москва большой город, в нём 12 домов. " * k + "\n", "莫斯科是一个大城市，有12座房子。" * k + "\n"), {}),
    "dates on one line": (100, lambda k: _text("16 июля 2001 года, " * k + "\n", "2001年7月16日，" * k + "\n"), {}),
    "many Markdown paragraphs (alignment)": (40, lambda k: _text(
        "".join(f"Абзац {i} о городе Москве.\n\n" for i in range(k)),
        "".join(f"第{i}段关于莫斯科。\n\n" for i in range(k)), "md"), {}),
    "Markdown table rows": (60, lambda k: _text(_table("Москва", k, 3), _table("莫斯科", k, 3), "md"), {}),
    # markdown-it fills the cells a short row leaves out: k x k cells.
    "wide Markdown table header over short rows": (100, lambda k: _text(
        _table("Москва", k, k, cells=1), _table("莫斯科", k, k, cells=1), "md"), {}),
    "many short lines, --align lines": (100, lambda k: _text(
        "".join(f"Строка {i} о Москве\n" for i in range(k)),
        "".join(f"第{i}行关于莫斯科\n" for i in range(k))), {"align": "lines"}),
    "suppression comment with many codes": (200, lambda k: _text(
        "Текст. <!-- ruconsist: disable-file " + ",".join(f"X{i:05d}" for i in range(k)) + " -->\n", "文本。\n", "md"), {}),
    "PO entries": (40, lambda k: {
        "ru.po": _po([(f"Hello {i}", f"Привет {i}") for i in range(k)]),
        "zh_CN.po": _po([(f"Hello {i}", f"你好 {i}") for i in range(k)])}, {}),
    "PO continuation lines": (150, lambda k: {
        "ru.po": _po([("Hello", "")]).rstrip("\n") + "\n" + '"Привет мир "\n' * k + "\n",
        "zh_CN.po": _po([("Hello", "你好")])}, {}),
    "XLIFF units": (60, lambda k: {"a.xliff": (
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="ru" target-language="zh" datatype="plaintext" original="a"><body>'
        + "".join(f'<trans-unit id="{i}"><source>Привет {i}</source><target>你好 {i}</target></trans-unit>' for i in range(k))
        + "</body></file></xliff>")}, {}),
    "TMX units": (60, lambda k: {"a.tmx": (
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence"'
        ' adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        + "".join(f'<tu><tuv xml:lang="ru"><seg>Привет {i}</seg></tuv><tuv xml:lang="zh"><seg>你好 {i}</seg></tuv></tu>' for i in range(k))
        + "</body></tmx>")}, {}),
    "JSON locale keys": (60, lambda k: {
        "ru.json": json.dumps({f"k{i}": f"Привет {i}" for i in range(k)}, ensure_ascii=False),
        "zh.json": json.dumps({f"k{i}": f"你好 {i}" for i in range(k)}, ensure_ascii=False)}, {}),
    "YAML locale keys": (40, lambda k: {
        "ru.yml": "".join(f"k{i}: Привет {i}\n" for i in range(k)),
        "zh.yml": "".join(f"k{i}: 你好 {i}\n" for i in range(k))}, {}),
    "SubRip cues": (60, lambda k: {
        "a.ru.srt": "".join(f"{i + 1}\n00:00:{i % 10:02d},000 --> 00:00:{i % 10:02d},500\nПривет {i}\n\n" for i in range(k)),
        "a.zh.srt": "".join(f"{i + 1}\n00:00:{i % 10:02d},000 --> 00:00:{i % 10:02d},500\n你好 {i}\n\n" for i in range(k))}, {}),
    "Word paragraphs": (30, lambda k: {
        "a.ru.docx": _docx([f"Привет {i}" for i in range(k)]),
        "a.zh.docx": _docx([f"你好 {i}" for i in range(k)])}, {}),
}


#: Shapes whose memory is also traced in the default run (tracing is
#: slow): those that once grew faster than their input.
MEMORY_SHAPES = {
    "name repeated on one line (Palladius)",
    "suppression comment with many codes",
    "']( ' repeated (Markdown, typography)",
}


@pytest.fixture(scope="module")
def linters() -> dict[str, Linter]:
    cache: dict[str, Linter] = {}
    return cache


def _linter(linters: dict[str, Linter], extra: dict[str, object]) -> Linter:
    key = json.dumps(extra, sort_keys=True)
    if key not in linters:
        linters[key] = Linter(Config(**extra), jobs=1)  # type: ignore[arg-type]
    return linters[key]


def _write(folder: Path, files: Files) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for name, content in files.items():
        p = folder / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        paths.append(p)
    return paths


def _run(linter: Linter, folder: Path) -> int:
    results = list(linter.lint_paths([str(folder)]))
    for r in results:
        assert r.error is None, r.error
    return sum(len(r.diagnostics) for r in results)


def _cpu(linter: Linter, folder: Path, runs: int = 2) -> float:
    """The least CPU time of ``runs`` runs on ``folder``."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t = time.process_time()
        _run(linter, folder)
        best = min(best, time.process_time() - t)
    return best


def _cpu_under(linter: Linter, folder: Path, limit: float) -> float:
    """The least CPU time of two runs on ``folder``, when it matters: the
    second run is made only if the first took ``limit`` seconds or more.
    A caller comparing the result with ``limit`` decides as if both runs
    had been made (the least of two is below the limit whenever the first
    is), and a large input that passes costs one run instead of two."""
    first = _cpu(linter, folder, runs=1)
    if first < limit:
        return first
    return min(first, _cpu(linter, folder, runs=1))


def _peak(linter: Linter, folder: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        _run(linter, folder)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_time_and_memory_grow_about_linearly(shape: str, tmp_path: Path, linters: dict[str, Linter]) -> None:
    n, make, extra = SHAPES[shape]
    n *= SCALE
    linter = _linter(linters, extra)
    folders = {}
    for factor in FACTORS:
        folders[factor] = tmp_path / f"x{factor}"
        _write(folders[factor], make(n * factor))
    _run(linter, folders[1])  # warm: packs, matchers, lazy imports
    # A floor for the smallest size, so that timer resolution and a
    # fixed cost of a few milliseconds do not make the ratio.
    base = max(_cpu(linter, folders[1]), 0.01)
    times = {1: base, **{f: _cpu_under(linter, folders[f], LIMIT * base) for f in FACTORS[1:]}}
    assert times[8] / base < LIMIT, f"{shape}: CPU s at n..8n {times}"
    if not (FULL or shape in MEMORY_SHAPES):
        return
    peaks = {f: _peak(linter, folders[f]) for f in (1, 8)}
    assert peaks[8] / max(peaks[1], 1) < LIMIT, f"{shape}: traced peak bytes at n, 8n {peaks}"
