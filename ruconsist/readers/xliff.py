"""XLIFF 1.2 and 2.x.

The source and target languages come from the file (``source-language``
and ``target-language`` of each ``<file>`` in 1.2, ``srcLang`` and
``trgLang`` of ``<xliff>`` in 2.x), so a Russian→Chinese and a
Chinese→Russian file read alike.  An untagged file holding both
languages is read as bilingual: each unit (or each 2.x ``<segment>``) is
a pre-aligned pair located at its ``<source>`` and ``<target>`` text.  A
file named with a language (``messages.ru.xlf`` + ``messages.zh.xlf``,
both translated from a third language) gives that language's text keyed
by unit id.

Inline codes (``<x/>``, ``<g>``, ``<ph>``, ``<pc>``, ``<bpt>``…) are
kept out of the text but remembered with their place, so the TAG001
check can compare them; the native code inside ``<ph>``/``<bpt>`` is
never text.

The XML is parsed with the standard library's expat and no DTD is
processed: a document that declares entities (``<!ENTITY``) is refused,
external entities are never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ruconsist.document import Document, Offsets, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import lang_code, make_segment, meta

if TYPE_CHECKING:
    from ruconsist.config import Config

XML_LANG = "http://www.w3.org/XML/1998/namespace}lang"
MAX_DEPTH = 200


@dataclass(eq=False)
class El:
    """An element with the file offset of its ``<``."""

    tag: str  # local name
    attrib: dict[str, str]
    pos: int
    children: list[El | Chunk] = field(default_factory=list)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def elements(self, tag: str | None = None) -> list[El]:
        return [c for c in self.children if isinstance(c, El) and (tag is None or c.tag == tag)]

    def iter(self, tag: str):  # type: ignore[no-untyped-def]
        stack = [self]
        while stack:
            cur = stack.pop()
            if cur.tag == tag:
                yield cur
            stack.extend(reversed(cur.elements()))


@dataclass(eq=False)
class Chunk:
    text: str
    offsets: Offsets


class _CharIndex:
    """UTF-8 byte offset (what expat reports) → character offset.

    Expat reports offsets in document order, so the characters are
    counted from the last offset asked for, decoding only the bytes in
    between: no table of one entry per character."""

    def __init__(self, text: str) -> None:
        self.ascii = text.isascii()
        if not self.ascii:
            self.data = text.encode("utf-8")
            self.last = len(text) - 1
            self.byte = 0
            self.char = 0

    def __call__(self, byte: int) -> int:
        if self.ascii:
            return byte
        if byte < 0:
            return -1
        if byte >= len(self.data):
            return self.last
        if byte < self.byte:
            # Not in order after all: count from the start.
            return len(self.data[:byte].decode("utf-8", "ignore"))
        try:
            self.char += len(self.data[self.byte : byte].decode("utf-8"))
        except UnicodeDecodeError:
            # Inside a character: the one it is part of.
            return self.char + len(self.data[self.byte : byte].decode("utf-8", "ignore"))
        self.byte = byte
        return self.char


def _map_chunk(data: str, raw: str, p: int) -> Offsets:
    """File offset of each character expat decoded from ``raw[p:]``:
    entity and character references, CDATA markers and CRLF line ends
    are stepped over."""
    if raw.startswith(data, p) and raw.find("<![CDATA[", p, p + len(data) + 8) < 0:
        # The characters stand in the file as they are (the usual case).
        run = Offsets()
        run.append_run(p, len(data))
        return run
    out = []
    j = p
    n = len(raw)
    for ch in data:
        while raw.startswith("<![CDATA[", j):
            j += 9
        if j >= n:
            out.append(n - 1)
            continue
        r = raw[j]
        if r == ch:
            out.append(j)
            j += 1
        elif r == "&":
            out.append(j)
            semi = raw.find(";", j)
            j = semi + 1 if semi > 0 else j + 1
        elif r == "\r" and ch == "\n":
            out.append(j)
            j += 2 if raw.startswith("\r\n", j) else 1
        else:
            out.append(j)
            j += 1
    return Offsets(out)


def parse_xml(doc: Document) -> El:
    """Parse ``doc`` into :class:`El` nodes with true positions."""
    from xml.parsers import expat

    text = doc.text
    index = _CharIndex(text)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root: list[El] = []
    stack: list[El] = []

    def refuse(*_args: object) -> None:
        line = parser.CurrentLineNumber
        raise InputError("XML entity declarations are not accepted (a DOCTYPE declares <!ENTITY>)", doc.path, line)

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise InputError("XML nested too deeply", doc.path, parser.CurrentLineNumber)
        local = name.rsplit("}", 1)[-1]
        attrib = {}
        for k, v in attrs.items():
            attrib["xml:lang" if k == XML_LANG else k.rsplit("}", 1)[-1]] = v
        el = El(local, attrib, index(parser.CurrentByteIndex))
        if stack:
            stack[-1].children.append(el)
        else:
            root.append(el)
        stack.append(el)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        if not stack:
            return
        p = index(parser.CurrentByteIndex)
        offs = _map_chunk(data, text, p)
        kids = stack[-1].children
        if kids and isinstance(kids[-1], Chunk):
            kids[-1].text += data
            kids[-1].offsets.extend(offs)
        else:
            kids.append(Chunk(data, offs))

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.ordered_attributes = False
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        msg = expat.errors.messages.get(exc.code, str(exc))
        raise InputError(f"not well-formed XML: {msg}", doc.path, exc.lineno) from None
    if not root:
        raise InputError("XML document has no root element", doc.path, 1)
    return root[0]


@dataclass
class Flat:
    """Text of an element with inline codes taken out."""

    text: str = ""
    offsets: Offsets = field(default_factory=Offsets)
    inline: list[tuple[str, int]] = field(default_factory=list)
    pos: int = 0


#: Elements whose content is native code, not text.
CODE_CONTENT = {"ph", "bpt", "ept", "it", "ut", "sub"}
#: Empty inline codes and markers.
EMPTY_CODES = {"x", "bx", "ex", "sc", "ec", "sm", "em"}
#: Codes that close another one: named as its closing tag, so that a
#: lost pair is reported once (at the opening code).
CLOSERS = {"ept": "</bpt>", "ex": "</bx>", "ec": "</sc>", "em": "</sm>"}
#: Inline elements that wrap text.
WRAPPERS = {"g", "pc", "hi", "mrk"}


def flatten(el: El) -> Flat:
    out = Flat(pos=el.pos)

    def walk(node: El) -> None:
        for c in node.children:
            if isinstance(c, Chunk):
                out.text += c.text
                out.offsets.extend(c.offsets)
                continue
            if c.tag == "cp":  # XLIFF 2: a character XML cannot hold
                try:
                    out.text += chr(int(c.get("hex") or "", 16))
                    out.offsets.append(c.pos)
                except ValueError:
                    pass
                continue
            if c.tag in CLOSERS:
                out.inline.append((CLOSERS[c.tag], len(out.text)))
                continue
            if c.tag in CODE_CONTENT:
                out.inline.append((f"<{c.tag}>", len(out.text)))
                continue
            if c.tag in EMPTY_CODES:
                out.inline.append((f"<{c.tag}/>", len(out.text)))
                continue
            if c.tag in WRAPPERS:
                if c.tag != "mrk":
                    out.inline.append((f"<{c.tag}>", len(out.text)))
                walk(c)
                continue
            walk(c)

    walk(el)
    return out


def flat_segment(doc: Document, lang: str, flat: Flat, *, kind: str, key: str | None, fmt: str) -> Segment:
    seg = make_segment(doc, lang, flat.text, flat.offsets or [flat.pos], kind=kind, key=key, fmt=fmt)
    # Inline positions are in the untrimmed text; shift them with the trim.
    lead = len(flat.text) - len(flat.text.lstrip())
    meta(seg)["inline"] = [(name, max(0, min(i - lead, len(seg.text)))) for name, i in flat.inline]
    return seg


def _untranslated(flat: Flat | None) -> bool:
    return flat is None or (not flat.text.strip() and not flat.inline)


@dataclass
class Unit:
    key: str
    source_lang: str | None
    target_lang: str | None
    source: Flat
    target: Flat | None


def xliff_units(doc: Document, root: El) -> list[Unit]:
    if root.tag != "xliff":
        raise InputError(f"not an XLIFF file (root element <{root.tag}>)", doc.path, doc.line_col(root.pos)[0])
    version = root.get("version") or ""
    units: list[Unit] = []
    if version.startswith("1"):
        for fi, f in enumerate(root.iter("file")):
            src, tgt = f.get("source-language"), f.get("target-language")
            fname = f.get("original") or str(fi)
            for tu in f.iter("trans-unit"):
                if tu.get("translate") == "no":
                    continue
                s = next(iter(tu.elements("source")), None)
                if s is None:
                    continue
                t = next(iter(tu.elements("target")), None)
                tflat = flatten(t) if t is not None else None
                if t is not None and t.get("state") in ("new", "needs-translation"):
                    tflat = None
                key = f"{fname}#{tu.get('id') or tu.get('resname') or len(units)}"
                tlang = (t.get("xml:lang") if t is not None else None) or tgt
                units.append(Unit(key, s.get("xml:lang") or src, tlang, flatten(s), tflat))
    elif version.startswith("2"):
        src, tgt = root.get("srcLang"), root.get("trgLang")
        for fi, f in enumerate(root.iter("file")):
            fname = f.get("id") or str(fi)
            for unit in f.iter("unit"):
                if unit.get("translate") == "no":
                    continue
                for si, seg in enumerate(unit.elements("segment")):
                    s = next(iter(seg.elements("source")), None)
                    if s is None:
                        continue
                    t = next(iter(seg.elements("target")), None)
                    tflat = flatten(t) if t is not None else None
                    if seg.get("state") == "initial" and _untranslated(tflat):
                        tflat = None
                    key = f"{fname}#{unit.get('id') or len(units)}#{seg.get('id') or si}"
                    units.append(Unit(key, s.get("xml:lang") or src, (t.get("xml:lang") if t is not None else None) or tgt, flatten(s), tflat))
    else:
        raise InputError(f"unsupported XLIFF version {version!r} (expected 1.2 or 2.x)", doc.path, doc.line_col(root.pos)[0])
    return units


def units_to_parsed(doc: Document, units: list[Unit], lang: str | None, fmt: str, what: str) -> Parsed:
    if lang is None:
        parsed = Parsed(doc, {"ru": [], "zh": []})
        langs = set()
        for u in units:
            s, t = lang_code(u.source_lang), lang_code(u.target_lang)
            langs.add((u.source_lang, u.target_lang))
            if {s, t} != {"ru", "zh"} or _untranslated(u.target):
                continue
            assert u.target is not None
            a = flat_segment(doc, s, u.source, kind="unit", key=None, fmt=fmt)
            b = flat_segment(doc, t, u.target, kind="unit", key=None, fmt=fmt)
            parsed.fixed.append(([a], [b]) if s == "ru" else ([b], [a]))
        if not parsed.fixed:
            pairs = ", ".join(sorted(f"{x or '?'} → {y or '?'}" for x, y in langs)) or "nothing"
            raise InputError(f"{what} has no translated Russian–Chinese unit (it holds {pairs})", doc.path)
        return parsed
    segs = []
    for u in units:
        for side_lang, flat in ((u.target_lang, u.target), (u.source_lang, u.source)):
            if lang_code(side_lang) != lang:
                continue
            if flat is None or _untranslated(flat):
                seg = Segment(doc, lang, u.source.pos, "", "untranslated", u.key, [])
            else:
                seg = flat_segment(doc, lang, flat, kind="unit", key=u.key, fmt=fmt)
            segs.append(seg)
            break
    if not segs and units:
        raise InputError(f"{what} holds no {lang.upper()} text", doc.path)
    return Parsed(doc, {lang: segs})


def sniff_root(head: str, names: tuple[str, ...]) -> bool:
    import re

    m = re.search(r"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>]", _skip_prolog(head))
    return m is not None and m.group(2) in names


def _skip_prolog(head: str) -> str:
    import re

    return re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", head, flags=re.S)


# TMX units are read here too: an .xlf file may hold a TMX document and
# a .tmx file an XLIFF one (ruconsist.readers.tmx).


def tmx_units(doc: Document, root: El) -> list[Unit]:
    if root.tag != "tmx":
        raise InputError(f"not a TMX file (root element <{root.tag}>)", doc.path, doc.line_col(root.pos)[0])
    header = next(iter(root.elements("header")), None)
    srclang = header.get("srclang") if header is not None else None
    units: list[Unit] = []
    for i, tu in enumerate(root.iter("tu")):
        by_lang: dict[str, tuple[str, El]] = {}
        for tuv in tu.elements("tuv"):
            tag = tuv.get("xml:lang") or tuv.get("lang") or ""
            code = lang_code(tag)
            seg = next(iter(tuv.elements("seg")), None)
            if code is not None and seg is not None and code not in by_lang:
                by_lang[code] = (tag, seg)
        key = tu.get("tuid") or str(i + 1)
        if "ru" in by_lang and "zh" in by_lang:
            # Direction only decides which side is "source"; both are read.
            first = "zh" if lang_code(srclang) == "zh" else "ru"
            second = "ru" if first == "zh" else "zh"
            (stag, s), (ttag, t) = by_lang[first], by_lang[second]
            units.append(Unit(key, stag, ttag, flatten(s), flatten(t)))
        elif len(by_lang) == 1:
            (code, (tag, s)), = by_lang.items()
            units.append(Unit(key, tag, None, flatten(s), None))
    return units


def tmx_parsed(doc: Document, root: El, lang: str | None) -> Parsed:
    return units_to_parsed(doc, tmx_units(doc, root), lang, "tmx", "TMX file")


class XliffReader(Reader):
    """XLIFF 1.2 and 2.x (see the module docstring)."""

    name = "xliff"
    extensions = (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".mqxliff")
    bilingual = True

    def sniff(self, path: str, head: str) -> bool:
        return sniff_root(head, ("xliff",))

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        root = parse_xml(doc)
        if root.tag == "tmx":
            return tmx_parsed(doc, root, lang)
        return units_to_parsed(doc, xliff_units(doc, root), lang, "xliff", "XLIFF file")
