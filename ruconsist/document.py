"""Documents and segments: decoded text with a line index.

Every span a check reports is an offset range in ``Segment.text``; the
segment maps it back to the file's own line and column, whatever the
reader did to get the text (a bilingual split, masked Markdown code, the
decoded string of a PO entry).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruconsist.diagnostic import Location
from ruconsist.errors import InputError

LANGS = ("ru", "zh")


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
        starts = [0]
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\n":
                starts.append(i + 1)
            elif ch == "\r":
                if i + 1 < n and text[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            i += 1
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
        return Location(lang, self.path, line, col, end_line, end_col)


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


@dataclass(eq=False)
class Segment:
    """A run of text in one language: a paragraph, a title, a PO entry.

    ``text`` may differ from the file's characters only by masking (code
    replaced by spaces, keeping length) unless ``offsets`` is given, in
    which case ``offsets[i]`` is the file offset of ``text[i]``.
    """

    doc: Document
    lang: str
    start: int
    text: str
    kind: str = "paragraph"
    key: str | None = None
    offsets: Sequence[int] | None = None
    #: Reader-specific facts: PO flags, inline codes, cue timings.
    meta: dict[str, Any] = field(default_factory=dict)

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


@dataclass(eq=False)
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
            self.lang, a.path, a.line, a.column, b.end_line, b.end_column
        )

    def segment_at(self, offset: int) -> Segment:
        return self._resolve(offset)[0]


@dataclass(eq=False)
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
    return Location(a.lang, a.path, a.line, a.column, b.end_line, b.end_column)
