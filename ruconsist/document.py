"""Documents and segments: decoded text with a line index.

Every span a check reports is an offset range in ``Segment.text``; the
segment maps it back to the file's own line and column, whatever the
reader did to get the text (a bilingual split, masked Markdown code, the
decoded string of a PO entry).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from ruconsist.diagnostic import Location
from ruconsist.errors import InputError

LANGS = ("ru", "zh")
#: A line ends at CRLF, LF or a lone CR.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def other(lang: str) -> str:
    return "zh" if lang == "ru" else "ru"


class Document:
    """A decoded file.  ``text`` has its line endings kept as they were so
    that offsets stay true for CRLF and CR files."""

    def __init__(
        self,
        path: str,
        text: str,
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        format: str = "text",
    ) -> None:
        self.path = path
        self.text = text
        self.encoding = encoding
        self.bom = bom
        self.format = format
        #: For a table: the cell of a file offset (``CellIndex.at``).
        self.cells: Any = None
        # Line starts as machine integers: 8 bytes a line, not a Python
        # int and a list slot.
        starts = array("q", [0])
        starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        self._line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = (
            self._line_starts[line]
            if line < len(self._line_starts)
            else len(self.text)
        )
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[line - 1] + column - 1

    def location(self, lang: str, start: int, end: int) -> Location:
        line, col = self.line_col(start)
        if end <= start:
            end_line, end_col = line, col
        else:
            # The end is exclusive: report the position after the last
            # character, on the last character's line.
            end_line, last_col = self.line_col(end - 1)
            end_col = last_col + 1
        cell = self.cells.at(start) if self.cells is not None else None
        return Location(lang, self.path, line, col, end_line, end_col, cell)


def decode(data: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode file bytes, refusing what is not text with one clear line."""
    bom = False
    enc = encoding or "utf-8"
    if encoding is None:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            bom = True
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            enc = "utf-16"
            bom = True
    if encoding is None and not bom and b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)", path)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid {enc.upper()} at byte {exc.start}"
            " (give the file's encoding with --encoding, e.g. cp1251 or"
            " gb18030)",
            path,
            line,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {enc!r}", path) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError("NUL character in text", path, line)
    return Document(path, text, encoding=enc, bom=bom)


class Offsets(Sequence[int]):
    """File offsets of the characters of a decoded text, as runs.

    A reader that decodes its file (PO escapes and continued strings,
    XML entities, JSON ``\\u`` escapes) gives ``text[i]`` the file offset
    of the character it came from.  Most of a decoded string maps
    contiguously, so the mapping is kept as runs: run ``k`` starts at text
    index ``starts[k]``, whose character is at file offset ``files[k]``,
    and the offsets inside a run go up by one.  It reads like a list of
    ints (length, index, slice, iteration) for a few bytes a run instead
    of a Python ``int`` (~36 bytes) a character; readers build it with
    :meth:`append`, :meth:`append_run` and :meth:`extend`.
    """

    __slots__ = ("_n", "_starts", "_files")

    def __init__(self, offsets: Iterable[int] = ()) -> None:
        self._n = 0
        # One run (the usual case) is kept as its first file offset
        # alone; more runs as two arrays.
        self._starts: array[int] | None = None
        self._files: array[int] | int = 0
        self.extend(offsets)

    # Building ----------------------------------------------------------

    def append(self, offset: int) -> None:
        self.append_run(offset, 1)

    def append_run(self, offset: int, count: int) -> None:
        """Add ``count`` characters at file offsets ``offset``,
        ``offset + 1``, …"""
        if count <= 0:
            return
        n = self._n
        starts, files = self._starts, self._files
        if n == 0:
            self._files = offset
        elif starts is None:
            assert isinstance(files, int)
            if files + n != offset:
                self._starts = array("q", (0, n))
                self._files = array("q", (files, offset))
        else:
            assert not isinstance(files, int)
            if files[-1] + n - starts[-1] != offset:
                starts.append(n)
                files.append(offset)
        self._n = n + count

    def extend(self, offsets: Iterable[int]) -> None:
        if isinstance(offsets, Offsets):
            for _, offset, count in offsets.runs():
                self.append_run(offset, count)
            return
        values = list(offsets)
        n = len(values)
        if not n:
            return
        first = values[0]
        if values == list(range(first, first + n)):
            self.append_run(first, n)
            return
        run = 0
        for k in range(1, n):
            if values[k] != values[k - 1] + 1:
                self.append_run(values[run], k - run)
                run = k
        self.append_run(values[run], n - run)

    # Reading -----------------------------------------------------------

    def runs(self) -> Iterator[tuple[int, int, int]]:
        """(text index, file offset, length) of each run."""
        n = self._n
        if not n:
            return
        starts, files = self._starts, self._files
        if starts is None:
            assert isinstance(files, int)
            yield 0, files, n
            return
        assert not isinstance(files, int)
        last = len(starts) - 1
        for k in range(last + 1):
            end = starts[k + 1] if k < last else n
            yield starts[k], files[k], end - starts[k]

    def __len__(self) -> int:
        return self._n

    def _at(self, i: int) -> int:
        starts, files = self._starts, self._files
        if starts is None:
            assert isinstance(files, int)
            return files + i
        assert not isinstance(files, int)
        k = bisect.bisect_right(starts, i) - 1
        return files[k] + i - starts[k]

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> Offsets: ...
    def __getitem__(self, i: int | slice) -> int | Offsets:
        n = self._n
        if isinstance(i, slice):
            a, b, step = i.indices(n)
            if step != 1:
                return Offsets(list(self)[i])
            out = Offsets()
            for start, offset, count in self.runs():
                lo, hi = max(start, a), min(start + count, b)
                if lo < hi:
                    out.append_run(offset + lo - start, hi - lo)
            return out
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Offsets index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[int]:
        for _, offset, count in self.runs():
            yield from range(offset, offset + count)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return self._n == other._n and list(self.runs()) == list(other.runs())
        if isinstance(other, (list, tuple)):
            return len(other) == self._n and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Offsets, (), (self._n, self._starts, self._files))

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        n, starts, files = state
        self._n = n
        # Copies of arrays, so that a copy does not grow with its original.
        self._starts = None if starts is None else array("q", starts)
        self._files = files if isinstance(files, int) else array("q", files)

    def __repr__(self) -> str:
        return f"Offsets(runs={[(s, f) for s, f, _ in self.runs()]}, len={self._n})"


@dataclass(eq=False, slots=True)
class Segment:
    """A run of text in one language: a paragraph, a title, a PO entry.

    ``text`` may differ from the file's characters only by masking (code
    replaced by spaces, keeping length) unless ``offsets`` is given, in
    which case ``offsets[i]`` is the file offset of ``text[i]``.  Readers
    give an :class:`Offsets` (runs, not an int a character); any sequence
    of ints works.
    """

    doc: Document
    lang: str
    start: int
    text: str
    kind: str = "paragraph"
    key: str | None = None
    offsets: Sequence[int] | None = None
    #: Reader-specific facts: PO flags, inline codes, cue timings; None
    #: for a segment without any (most of them: a corpus has millions).
    #: Read and write it through ``readers.common.get_meta`` and ``meta``.
    meta: dict[str, Any] | None = None

    @property
    def end(self) -> int:
        return self.file_offset(len(self.text))

    def file_offset(self, i: int) -> int:
        if self.offsets is None:
            return self.start + i
        if not self.offsets:
            return self.start
        if i >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[i]

    def location(self, start: int, end: int) -> Location:
        a = self.file_offset(start)
        b = self.file_offset(end - 1) + 1 if end > start else a
        return self.doc.location(self.lang, a, b)


@dataclass(eq=False, slots=True)
class Side:
    """One language's half of an aligned bead: one or more segments,
    joined by a newline into ``text`` so checks search them as one."""

    lang: str
    segments: tuple[Segment, ...]
    text: str = field(init=False)
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = []
        pos = 0
        parts = []
        for seg in self.segments:
            starts.append(pos)
            parts.append(seg.text)
            pos += len(seg.text) + 1
        self._starts = starts
        self.text = "\n".join(parts)

    def __bool__(self) -> bool:
        return bool(self.segments)

    def _resolve(self, offset: int) -> tuple[Segment, int]:
        idx = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.segments[idx], offset - self._starts[idx]

    def location(self, start: int, end: int) -> Location:
        """File location of ``text[start:end]`` (within one segment)."""
        seg, local = self._resolve(start)
        local_end = min(local + (end - start), len(seg.text))
        return seg.location(local, max(local_end, local))

    def span(self) -> Location:
        first, last = self.segments[0], self.segments[-1]
        a = first.location(0, max(1, len(first.text)))
        b = last.location(max(0, len(last.text) - 1), len(last.text))
        return Location(
            self.lang, a.path, a.line, a.column, b.end_line, b.end_column, a.cell
        )

    def segment_at(self, offset: int) -> Segment:
        return self._resolve(offset)[0]


@dataclass(eq=False, slots=True)
class SegmentPair:
    """An aligned bead: RU and ZH text that translate each other.

    ``sentences`` holds sentence-level alignment inside the bead as pairs
    of (start, end) spans in ``ru.text`` and ``zh.text``; checks use it to
    point at the counterpart sentence rather than the whole paragraph.
    """

    index: int
    ru: Side
    zh: Side
    sentences: list[tuple[tuple[int, int], tuple[int, int]]] = field(
        default_factory=list
    )
    memo: dict[object, object] = field(default_factory=dict)

    def side(self, lang: str) -> Side:
        return self.ru if lang == "ru" else self.zh

    @property
    def id(self) -> str:
        return f"s{self.index}"

    def cached(self, key: object, fn):  # type: ignore[no-untyped-def]
        """Compute ``fn()`` once per bead; checks share extraction."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = fn()
            return value

    def counterpart(self, lang: str, start: int, end: int) -> Location | None:
        """Location in the other language that corresponds to
        ``side(lang).text[start:end]``: the aligned sentence if known,
        else the other side's whole span."""
        target = self.side(other(lang))
        if not target:
            return None
        for ru_span, zh_span in self.sentences:
            src, dst = (ru_span, zh_span) if lang == "ru" else (zh_span, ru_span)
            if src[0] <= start < max(src[1], src[0] + 1) and dst[1] > dst[0]:
                a = target.location(dst[0], dst[0] + 1)
                b = target.location(dst[1] - 1, dst[1])
                return _join(a, b)
        return target.span()


def _join(a: Location, b: Location) -> Location:
    return Location(a.lang, a.path, a.line, a.column, b.end_line, b.end_column, a.cell)
