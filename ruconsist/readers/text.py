"""Plain text, Markdown, line-aligned text and single bilingual files."""

from __future__ import annotations

import bisect
import sys
from typing import TYPE_CHECKING

import regex

from ruconsist.document import Document, Segment
from ruconsist.errors import InputError
from ruconsist.lang.han import HAN_RANGES
from ruconsist.readers.base import Parsed, Reader
from ruconsist.segment import (
    CYRILLIC,
    HAN,
    ZH_PUNCT,
    _trim,
    line_spans,
    paragraphs,
    script_counts,
    script_of,
)

if TYPE_CHECKING:
    from ruconsist.config import Config


def without_directives(text: str) -> str:
    """``# ruconsist: …`` comment lines blanked (same length), so they
    are neither checked nor glued to the paragraph below."""
    if "ruconsist" not in text:
        return text
    from ruconsist.suppress import HASH_DIRECTIVE

    return HASH_DIRECTIVE.sub(lambda m: " " * len(m.group()), text)


def _seg(doc: Document, lang: str, a: int, b: int, kind: str = "paragraph", text: str | None = None) -> Segment:
    return Segment(doc, lang, a, doc.text[a:b] if text is None else text, kind)


class TextReader(Reader):
    """Plain text in one language: paragraphs are blocks separated by
    blank lines, split further where a line ends a sentence."""

    name = "text"
    extensions = (".txt", ".text")

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        if lang is None:
            return BilingualReader().read(doc, None, config)
        text = without_directives(doc.text)
        segs = [_seg(doc, lang, a, b, text=text[a:b]) for a, b in paragraphs(text) if b > a]
        return Parsed(doc, {lang: segs})


class LinesReader(Reader):
    """One segment per line, aligned by line number with the counterpart
    (``--align lines``, as in line-aligned parallel corpora)."""

    name = "lines"

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        if lang is None:
            raise InputError("line-aligned reading needs two files (--ru and --zh)", doc.path)
        segs = []
        for n, (a, b) in enumerate(line_spans(doc.text), start=1):
            a, b = _trim(doc.text, a, b)
            seg = _seg(doc, lang, a, b, "line")
            # Interned: the counterpart file's line n shares the string.
            seg.key = sys.intern(f"line:{n}")
            segs.append(seg)
        return Parsed(doc, {lang: segs})


# Markdown ------------------------------------------------------------

#: Inline code, autolinks, link and image targets, raw HTML tags: masked
#: (replaced by spaces of equal length) so checks never see them while
#: positions stay true.
MD_MASK = regex.compile(
    r"(`+)(?:(?!\1).)+?\1"  # inline code
    r"|<(?:https?://|mailto:)[^>\s]+>"  # autolink
    r"|(?<=\]\()(?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?(?=\))"  # link target
    r"|(?<=\]:\s*)\S+"  # reference definition target
    r"|https?://[^\s)\]>]+"  # bare URL
    r"|<!--.*?-->"  # HTML comment (directives are read elsewhere)
    r"|</?[A-Za-z][^>\n]*>",  # HTML tag
    regex.DOTALL,
)


#: Emphasis delimiters and table pipes, masked without touching a lone
#: ``*`` that is part of the text (``弗拉基米尔*普京`` is a typo to report,
#: not markup): ``**``/``__`` runs, a ``*``/``_`` pair around a word, a
#: pipe at a table row's edge or between cells, closing heading marks.
#: A single ``*``/``_`` (group ``one``) is markup when it opens (not after
#: a word, before a non-blank) and a closing one follows on its line, or
#: when it closes (after a non-blank, not before a word) and an opening
#: one precedes it on its line: :func:`unemphasise` decides that from the
#: positions of both shapes, found once per text.  (Look-arounds that
#: searched the rest of the line from every ``*`` were quadratic: a line
#: of 20,000 ``*a`` took 32 s.)
MD_EMPHASIS = regex.compile(
    r"\*\*+|__+"
    r"|(?P<one>[*_])"
    # The pipe first, then the look back: a look-behind tried at every
    # position rescans a run of blanks each time (quadratic in the run).
    r"|(?m:^[ \t]*\|)|\|(?<=\S[ \t]*\|)(?=[ \t]*\S|[ \t]*$)"
    r"|#+[ \t]*$"
)
#: A ``*``/``_`` that may open emphasis: not after a word or ``*``.
MD_OPENER = regex.compile(r"(?<![*\w])[*_]")
#: ... and is followed by a non-blank that is no delimiter.
MD_OPENS = regex.compile(r"(?<![*\w])[*_](?=[^\s*_])")
#: A ``*``/``_`` that may close emphasis: after a non-blank that is no
#: delimiter, not before a word or ``*``.
MD_CLOSER = regex.compile(r"(?<=[^\s*_])[*_](?![*\w])")
NEWLINE = regex.compile("\n")


def unemphasise(text: str) -> str:
    """``text`` with the matches of :data:`MD_EMPHASIS` blanked, in time
    linear in its length."""
    openers = [m.start() for m in MD_OPENER.finditer(text)]
    opens = {m.start() for m in MD_OPENS.finditer(text)}
    closers = [m.start() for m in MD_CLOSER.finditer(text)]
    closer_set = set(closers)
    newlines = [m.start() for m in NEWLINE.finditer(text)]

    def line_bounds(i: int) -> tuple[int, int]:
        k = bisect.bisect_left(newlines, i)
        return (newlines[k - 1] if k else -1), (newlines[k] if k < len(newlines) else len(text))

    def markup(i: int) -> bool:
        before, after = line_bounds(i)
        if i in opens:
            k = bisect.bisect_left(closers, i + 2)
            if k < len(closers) and closers[k] < after:
                return True
        if i in closer_set:
            k = bisect.bisect_left(openers, i) - 1
            if k >= 0 and openers[k] > before:
                return True
        return False

    def blank(m: regex.Match[str]) -> str:
        if m.group("one") is not None and not markup(m.start()):
            return m.group()
        return " " * len(m.group())

    return MD_EMPHASIS.sub(blank, text)


def mask(text: str) -> str:
    return MD_MASK.sub(lambda m: regex.sub(r"[^\n\r]", " ", m.group()), text)


class MarkdownReader(Reader):
    """Markdown: paragraphs, headings, list items, table cells and block
    quotes are text; fenced and indented code, front matter and HTML
    blocks are not.  Inline code, link targets and URLs are masked."""

    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        from markdown_it import MarkdownIt

        from ruconsist.readers.mdtable import enable_tables

        md = enable_tables(MarkdownIt("commonmark"))
        text = doc.text
        # markdown-it maps lines; rebuild offsets from our own line index.
        lines = list(line_spans(text))
        tokens = md.parse(text.replace("\r\n", "\n").replace("\r", "\n"))
        spans: list[tuple[int, int, str]] = []
        for i, tok in enumerate(tokens):
            if tok.type != "inline" or tok.map is None:
                continue
            parent = tokens[i - 1].type if i else ""
            kind = "heading" if parent == "heading_open" else "paragraph"
            first, last = tok.map[0], tok.map[1] - 1
            if first >= len(lines):
                continue
            last = min(last, len(lines) - 1)
            a = lines[first][0]
            b = lines[last][1]
            spans.append((a, b, kind))
        if lang is None:
            return _split_bilingual(doc, [(a, b, k) for a, b, k in spans], masker=mask)
        segs = []
        for a, b, kind in spans:
            chunk = mask(text[a:b])
            # Strip Markdown line prefixes (list bullets, quotes, heading
            # marks, table pipes) by masking them too.
            chunk = regex.sub(
                r"(?m)^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+)?",
                lambda m: " " * len(m.group()),
                chunk,
            )
            chunk = unemphasise(chunk)
            if script_of(chunk) is None and not chunk.strip():
                continue
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            if trail <= lead:
                continue
            segs.append(Segment(doc, lang, a + lead, chunk[lead:trail], kind))
        return Parsed(doc, {lang: segs})


# Bilingual single file -------------------------------------------------

#: Characters that count as Chinese running text for splitting a mixed
#: line: Han, CJK punctuation and full-width forms.
ZH_CHAR = regex.compile(rf"[{HAN_RANGES}\u3000-\u303f\uff00-\uffef" + regex.escape(ZH_PUNCT) + "]")


def split_mixed(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Split a line holding a Chinese and a Russian part (either order)
    into ((ru_start, ru_end), (zh_start, zh_end)); ``None`` if the line is
    in one script."""
    cyr, han = script_counts(text)
    if not cyr or not han:
        return None
    han_pos = [m.start() for m in ZH_CHAR.finditer(text)]
    cyr_pos = [m.start() for m in CYRILLIC.finditer(text)]
    # ZH first: cut after the last Chinese character that precedes the
    # first Cyrillic letter that is followed by no more Han.
    best = None
    for order in ("zh-ru", "ru-zh"):
        if order == "zh-ru":
            last_han = max(p for p in han_pos)
            tail_cyr = [p for p in cyr_pos if p > last_han]
            if not tail_cyr:
                continue
            cut = last_han + 1
            wrong = sum(1 for p in cyr_pos if p < cut)
            zh, ru = (0, cut), (cut, len(text))
        else:
            last_cyr = max(cyr_pos)
            tail_han = [p for p in han_pos if p > last_cyr]
            if not tail_han:
                continue
            cut = min(tail_han)
            wrong = sum(1 for p in han_pos if p < cut) * 3
            ru, zh = (0, cut), (cut, len(text))
        if best is None or wrong < best[0]:
            best = (wrong, ru, zh)
    if best is None:
        return None
    _, ru, zh = best
    return _trim(text, *ru), _trim(text, *zh)


def _split_bilingual(
    doc: Document,
    spans: list[tuple[int, int, str]],
    masker=None,  # type: ignore[no-untyped-def]
    text: str | None = None,
) -> Parsed:
    text = doc.text if text is None else text
    parsed = Parsed(doc, {"ru": [], "zh": []})
    seen_content = False
    for a, b, kind in spans:
        chunk = text[a:b] if masker is None else masker(text[a:b])
        mixed = None
        if "\n" not in chunk and "\r" not in chunk:
            mixed = split_mixed(chunk)
        if mixed is not None:
            (ra, rb), (za, zb) = mixed
            ru_seg = Segment(doc, "ru", a + ra, chunk[ra:rb], "title")
            zh_seg = Segment(doc, "zh", a + za, chunk[za:zb], "title")
            parsed.fixed.append(([ru_seg], [zh_seg]))
            seen_content = True
            continue
        lang = script_of(chunk)
        if lang is None:
            if not seen_content:
                parsed.header.append((a, b))
            continue
        if not seen_content and not parsed.fixed and _is_header(chunk):
            parsed.header.append((a, b))
            continue
        seen_content = True
        parsed.segments[lang].append(Segment(doc, lang, a, chunk, kind))
    if not parsed.segments["ru"] and not parsed.fixed:
        raise InputError("bilingual file has no Russian text", doc.path)
    if not parsed.segments["zh"] and not parsed.fixed:
        raise InputError("bilingual file has no Chinese text", doc.path)
    return parsed


#: A dateline or byline before the first bilingual line: short, no
#: sentence end (``04 ФЕВРАЛЯ 2026, 16:40``).
def _is_header(chunk: str) -> bool:
    return len(chunk) <= 60 and not regex.search(r"[.!?。！？]\s*$", chunk)


class BilingualReader(Reader):
    """One file holding both languages, laid out like a news desk's
    working copy: a dateline, lines holding a Chinese title followed by
    its Russian title (or the reverse), then the Russian body and the
    Chinese body.  Lines are split by script; every segment keeps its
    true line and column in the original file.  Lines before the first
    text line (the dateline) are a header shared by both languages."""

    name = "bilingual"

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        spans: list[tuple[int, int, str]] = []
        text = without_directives(doc.text)
        # Each line is split on its own so that a mixed title line and a
        # change of language without a blank line both separate.
        for a, b in paragraphs(text):
            for la, lb in line_spans(text, a, b):
                la, lb = _trim(text, la, lb)
                if lb > la:
                    spans.append((la, lb, "paragraph"))
        return _split_bilingual(doc, _regroup(text, spans), text=text)


def _regroup(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join runs of lines that ``paragraphs`` would keep together (same
    script, no sentence end, no blank line between)."""
    out: list[tuple[int, int, str]] = []
    blocks = list(paragraphs(text))
    for a, b, kind in spans:
        if out:
            pa, pb, pk = out[-1]
            same_block = any(x <= pa and b <= y for x, y in blocks)
            if (
                same_block
                and split_mixed(text[a:b]) is None
                and split_mixed(text[pa:pb]) is None
                and script_of(text[pa:pb]) == script_of(text[a:b])
            ):
                out[-1] = (pa, b, pk)
                continue
        out.append((a, b, kind))
    return out


HAN_OR_CYR = regex.compile(rf"[{HAN_RANGES}\p{{Cyrillic}}]")
__all__ = ["BilingualReader", "LinesReader", "MarkdownReader", "TextReader", "HAN", "HAN_OR_CYR"]
