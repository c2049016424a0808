"""Helpers shared by the translation-file readers (PO, XLIFF, TMX,
locale files, subtitles, Word documents)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruconsist.document import Document, Offsets, Segment
from ruconsist.errors import InputError

#: Language tags a translation file may use for each side.
RU_CODES = ("ru",)
ZH_CODES = ("zh", "cmn", "zho", "chi")


def lang_code(tag: str | None) -> str | None:
    """``ru`` or ``zh`` for a BCP 47 / POSIX language tag (``ru-RU``,
    ``zh_CN``, ``zh-Hans``, ``ZH-cn``), else ``None``."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].split("@")[0].split(".")[0].lower()
    if primary in RU_CODES or primary == "rus":
        return "ru"
    if primary in ZH_CODES:
        return "zh"
    return None


def meta(seg: Segment) -> dict[str, Any]:
    """Reader-provided facts about a segment that are not its text:
    inline codes (``inline``), PO flags (``flags``), cue timing
    (``start_ms``/``end_ms``), the file format (``format``)."""
    # Created on first use: most segments have no facts to keep, and an
    # empty dictionary is 64 bytes a segment.
    m = getattr(seg, "meta", None)
    if not isinstance(m, dict):
        m = seg.meta = {}
    return m


def get_meta(seg: Any) -> dict[str, Any]:
    """Like :func:`meta` but never creates: ``{}`` for plain segments."""
    m = getattr(seg, "meta", None)
    return m if isinstance(m, dict) and m else {}


def make_segment(
    doc: Document,
    lang: str,
    text: str,
    offsets: Sequence[int],
    *,
    kind: str,
    key: str | None = None,
    fmt: str | None = None,
    **extra: Any,
) -> Segment:
    """A segment whose characters come from scattered file positions;
    leading and trailing white space is trimmed (keeping the mapping).
    An :class:`Offsets` given for an untrimmed text becomes the segment's
    own: the reader must not extend it afterwards."""
    a, b = 0, len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if isinstance(offsets, Offsets):
        # Untrimmed (the usual case), the reader's mapping is the segment's.
        offs = offsets if (a, b) == (0, len(offsets)) else offsets[a:b]
    else:
        offs = Offsets(offsets[a:b])
    start = offs[0] if offs else (offsets[a] if a < len(offsets) else (offsets[-1] if offsets else 0))
    seg = Segment(doc, lang, start, text[a:b], kind, key, offs)
    # Only facts worth a dictionary: a PO file of 25,000 entries made
    # 50,000 of them to say "po" and "no flags".  The file's own format
    # is the default of :func:`segment_format`.
    facts = {k: v for k, v in extra.items() if v is not None and not (isinstance(v, _COLLECTIONS) and not v)}
    if fmt and fmt != doc.format:
        facts["format"] = fmt
    if facts:
        seg.meta = facts
    return seg


_COLLECTIONS = (frozenset, set, tuple, list, dict)


def segment_format(seg: Segment) -> str | None:
    """The format a segment's text is written in: what its reader said
    (``json`` for a JSON locale file), else its file's format (``po``)."""
    return get_meta(seg).get("format") or seg.doc.format


def error_at(doc: Document, offset: int, message: str) -> InputError:
    line, _ = doc.line_col(offset)
    return InputError(message, doc.path, line)


def align_offsets(decoded: str, raw: str, base: int, *, escapes: bool = False) -> Offsets:
    """File offset of each character of ``decoded``, a value a parser
    read from ``raw`` (the file text starting at offset ``base``).

    The walk is greedy: matching characters map one to one; white space
    the parser folded or dropped (indentation, a line break read as a
    space), doubled quotes and, with ``escapes``, backslash escapes are
    stepped over.  A character that cannot be matched takes the position
    of the last one matched, so a position is never past the value."""
    out: list[int] = []
    j = 0
    n = len(raw)
    last = 0
    for ch in decoded:
        found = -1
        while j < n:
            r = raw[j]
            if escapes and r == "\\" and j + 1 < n:
                nxt = raw[j + 1]
                if nxt in "\r\n":
                    # An escaped line break joins lines: nothing decoded.
                    j += 2
                    while j < n and raw[j] in " \t\r\n":
                        j += 1
                    continue
                if nxt == ch and ch in "\\\"/ \t":
                    found = j
                    j += 2
                    break
                width = {"x": 4, "u": 6, "U": 10}.get(nxt, 2)
                found = j
                j += width
                break
            if r == ch:
                found = j
                j += 1
                break
            if ch in " \n" and r in "\r\n":
                # A line break folded into a space (or kept as a break).
                found = j
                j += 2 if raw[j : j + 2] == "\r\n" else 1
                break
            if r in " \t\r\n'\"":
                j += 1
                continue
            break
        if found < 0:
            out.append(base + last)
            continue
        last = found
        out.append(base + found)
    return Offsets(out)
