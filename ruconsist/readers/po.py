"""gettext PO catalogues.

Two layouts:

* two catalogues of one template (``ru.po`` + ``zh_CN.po``, or
  ``X.ru.po`` + ``X.zh_CN.po``): each file's ``msgstr`` is its language's
  text, keyed by ``msgctxt`` and ``msgid`` so the engine pairs the two
  translations of each message;
* one bilingual catalogue (``msgid`` Russian and ``msgstr`` Chinese, or
  the reverse): each entry is a pre-aligned pair; the source side is
  located at the ``msgid`` line, the target at the ``msgstr`` line.

polib parses and validates the file; a small scanner of our own maps
every decoded character (escapes, strings continued over several quoted
lines) back to its place in the file, so positions stay true.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ruconsist.document import Document, Offsets, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import lang_code, make_segment
from ruconsist.segment import script_counts

if TYPE_CHECKING:
    from ruconsist.config import Config

#: Option (``options: {po-include-fuzzy: true}``) that reads fuzzy and
#: obsolete entries as if they were translated.
INCLUDE_FUZZY = "po-include-fuzzy"

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?"}


class _Field:
    """A field's decoded text and where each character came from.  One
    per field of the file while it is read: no instance dictionary."""

    __slots__ = ("pos", "text", "offsets")

    def __init__(self, pos: int) -> None:
        self.pos = pos  # offset of the keyword
        self.text = ""
        self.offsets = Offsets()


#: Flags of an entry with none (shared: flags are only read).
_NO_FLAGS: frozenset[str] = frozenset()


class _Entry:
    __slots__ = ("obsolete", "flags", "fields")

    def __init__(self, obsolete: bool = False, flags: frozenset[str] = _NO_FLAGS) -> None:
        self.obsolete = obsolete
        self.flags = flags
        self.fields: dict[str, _Field] = {}

    def value(self, name: str) -> str | None:
        f = self.fields.get(name)
        return f.text if f else None


#: What ends a run of literal characters in a quoted string.
_SPECIAL = re.compile(r'["\\]')
_NUMERIC = re.compile(r"[0-7]{1,3}|x[0-9A-Fa-f]{1,2}")


def _quoted(doc: Document, text: str, q: int, line_end: int, into: _Field) -> None:
    """Decode the C string starting at the quote ``text[q]``: literal
    characters are taken a run at a time, each escape gives one character
    located at its backslash."""
    i = q + 1
    parts: list[str] = []
    offsets = into.offsets
    while i < line_end:
        m = _SPECIAL.search(text, i, line_end)
        stop = m.start() if m else line_end
        if stop > i:
            parts.append(text[i:stop])
            offsets.append_run(i, stop - i)
            i = stop
            continue
        if text[i] == '"':
            into.text += "".join(parts)
            return
        # A backslash.
        if i + 1 < line_end:
            nxt = text[i + 1]
            if nxt in _ESCAPES:
                parts.append(_ESCAPES[nxt])
                offsets.append(i)
                i += 2
                continue
            m = _NUMERIC.match(text[i + 1 : i + 4])
            if m:
                code = m.group()
                parts.append(chr(int(code[1:], 16) if code[0] == "x" else int(code, 8)))
                offsets.append(i)
                i += 1 + len(code)
                continue
        parts.append("\\")
        offsets.append(i)
        i += 1
    line, _ = doc.line_col(q)
    raise InputError("PO string has no closing quote", doc.path, line)


def scan(doc: Document) -> list[_Entry]:
    """Entries in file order with every field's decoded text and the file
    offset of each character.  Previous-msgid comments (``#|``) are not
    fields; obsolete entries (``#~``) are."""
    text = doc.text
    entries: list[_Entry] = []
    cur: _Entry | None = None
    last: _Field | None = None
    flags: frozenset[str] = _NO_FLAGS
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        a = m.start()
        raw = m.group().rstrip("\r\n")
        if not raw and m.end() == len(text):
            break
        body_at = a
        obsolete = False
        if raw.startswith("#~"):
            obsolete = True
            rest = raw[2:]
            if rest.startswith("|"):
                continue
            body_at = a + 2 + (len(rest) - len(rest.lstrip()))
        elif raw.startswith("#"):
            if raw.startswith("#,"):
                flags |= {f.strip() for f in raw[2:].split(",") if f.strip()}
            continue
        else:
            body_at = a + (len(raw) - len(raw.lstrip()))
        line_end = a + len(raw)
        if body_at >= line_end:
            last = None
            continue
        if text[body_at] == '"':
            if last is not None:
                _quoted(doc, text, body_at, line_end, last)
            continue
        km = _KEYWORD.match(text, body_at, line_end)
        if not km:
            last = None
            continue
        name = km.group(1)
        starts_entry = name in ("msgctxt", "msgid") and (
            cur is None
            or any(k.startswith("msgstr") for k in cur.fields)
            or name in cur.fields
            or (name == "msgctxt" and "msgid" in cur.fields)
        )
        if starts_entry:
            cur = _Entry(obsolete, flags)
            entries.append(cur)
            flags = _NO_FLAGS
        assert cur is not None
        last = cur.fields[name] = _Field(body_at)
        _quoted(doc, text, km.end(), line_end, last)
    return entries


#: polib reads a catalogue in blocks of about this many characters, so
#: that its entries for a whole large file are never alive at once (on a
#: file of 25,000 entries the polib step peaked 36 MB above the file's
#: text; in blocks, 16 MB).
POLIB_BLOCK = 512 * 1024
#: Where a block may end: after a line of an entry's msgstr, at a blank
#: line, before the first line of the next entry (its comments or
#: keyword), so that every entry and its comments stay in one block.
_BLOCK_END = re.compile(r'(?m)^(?:msgstr|"|#~ msgstr|#~ ").*\r?\n(?:[ \t]*\r?\n)+(?=#|msgctxt|msgid)')


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(line number of its first line, text) of each block of whole
    entries, about :data:`POLIB_BLOCK` characters each."""
    start, line = 0, 1
    if not text:
        yield line, text
    while start < len(text):
        m = _BLOCK_END.search(text, start + POLIB_BLOCK) if len(text) - start > POLIB_BLOCK else None
        end = m.end() if m else len(text)
        yield line, text[start:end]
        line += text.count("\n", start, end)
        start = end


def _entry_key(ctx: str | None, msgid: str, obsolete: bool) -> int:
    """An entry's key for :func:`_polib_flags`: the hash of (msgctxt,
    msgid, obsolete), not the tuple, which would keep a copy of every
    msgid of the file while it is read (36 MB for 25,000 entries)."""
    return hash((ctx, msgid, obsolete))


def _polib_flags(doc: Document) -> tuple[dict[int, frozenset[str]], dict[str, str]]:
    """Validate the catalogue with polib; the flags of each entry by
    :func:`_entry_key`, and the header's metadata."""
    import polib

    flags: dict[int, frozenset[str]] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}
    metadata: dict[str, str] = {}
    for first_line, block in _blocks(doc.text):
        try:
            po = polib.pofile(block, wrapwidth=0)
        except (OSError, ValueError) as exc:
            msg = str(exc)
            m = re.search(r"\(line (\d+)\)", msg)
            line = int(m.group(1)) + first_line - 1 if m else None
            msg = re.sub(r"\s*\(line \d+\)", "", msg).strip() or "syntax error"
            raise InputError(f"not a valid PO file: {msg[0].lower() + msg[1:]}", doc.path, line) from None
        if first_line == 1:
            metadata = dict(po.metadata)
        for e in po:  # obsolete entries included
            these = frozenset(e.flags)
            flags[_entry_key(e.msgctxt, e.msgid, bool(e.obsolete))] = shared.setdefault(these, these)
        # polib's parser and the catalogue it built form a reference
        # cycle, which would keep every entry until the cyclic collector
        # runs; emptied here, the entries go at once.
        del po[:]
    if first_line > 1:
        # What is left of each block's parser (the block's lines) is
        # collected once for a large file, not kept while it is scanned.
        import gc

        gc.collect()
    return flags, metadata


def sniff_po(head: str) -> bool:
    return re.search(r'(?m)^msgid\s+"', head) is not None and re.search(r'(?m)^msgstr(?:\[0\])?\s+"', head) is not None


class Message:
    """One PO entry as the reader uses it."""

    __slots__ = ("ctx", "msgid", "source", "target", "skipped", "flags")

    def __init__(
        self,
        ctx: str | None,
        msgid: str,
        source: list[tuple[str, _Field]],  # (name, field) of msgid, msgid_plural
        target: list[tuple[str, _Field]],  # msgstr or msgstr[0..n]
        skipped: str | None,  # "fuzzy", "obsolete", "untranslated" or None
        flags: frozenset[str],
    ) -> None:
        self.ctx, self.msgid, self.source, self.target, self.skipped, self.flags = ctx, msgid, source, target, skipped, flags

    @property
    def key(self) -> str:
        """What pairs the entry with the other catalogue's: context and
        msgid (made only when asked: a bilingual catalogue needs none)."""
        return (self.ctx + "\x04" if self.ctx is not None else "") + self.msgid


def messages(doc: Document, include_fuzzy: bool = False) -> tuple[list[Message], dict[str, str]]:
    """Validate with polib, then give each entry with its located fields.
    Returns the messages and the header metadata."""
    # Of polib's entries only the flags are used: they are let go block by
    # block, before the file is scanned again.
    polib_flags, metadata = _polib_flags(doc)
    scanned = scan(doc)
    # Equal flag sets are one object: most entries have the same few.
    shared: dict[frozenset[str], frozenset[str]] = {}
    out: list[Message] = []
    for ent in scanned:
        msgid = ent.value("msgid")
        if msgid is None or (msgid == "" and ent.value("msgctxt") is None):
            continue  # the header entry
        ctx = ent.value("msgctxt")
        pe_flags = polib_flags.get(_entry_key(ctx, msgid, ent.obsolete))
        if pe_flags is None:
            # Our scanner and polib disagree on this entry's text: a
            # construct we do not decode the same way.  polib is right.
            raise InputError(f"cannot locate PO entry {msgid[:40]!r}", doc.path, doc.line_col(ent.fields["msgid"].pos)[0])
        flags = ent.flags.union(pe_flags)
        flags = shared.setdefault(flags, flags)
        source = [(n, ent.fields[n]) for n in ("msgid", "msgid_plural") if n in ent.fields]
        plural = sorted(
            ((int(n[7:-1]), n) for n in ent.fields if n.startswith("msgstr[")),
        )
        target = [(n, ent.fields[n]) for _, n in plural] or ([("msgstr", ent.fields["msgstr"])] if "msgstr" in ent.fields else [])
        skipped = None
        if ent.obsolete:
            skipped = "obsolete"
        elif "fuzzy" in flags:
            skipped = "fuzzy"
        if not target or not any(f.text.strip() for _, f in target):
            skipped = "untranslated"
        if include_fuzzy and skipped in ("fuzzy", "obsolete"):
            skipped = None
        out.append(Message(ctx, msgid, source, target, skipped, flags))
    return out, metadata


def _seg(doc: Document, lang: str, f: _Field, key: str | None, kind: str, flags: frozenset[str]) -> Segment:
    return make_segment(doc, lang, f.text, f.offsets or [f.pos], kind=kind, key=key, fmt="po", flags=flags)


def _direction(doc: Document, msgs: list[Message], meta: dict[str, str]) -> tuple[str, str]:
    """(language of msgid, language of msgstr) of a bilingual catalogue."""
    target = lang_code(meta.get("Language"))
    src_cyr = src_han = 0
    for m in msgs:
        cyr, han = script_counts(m.source[0][1].text)
        src_cyr += cyr
        src_han += han * 3
    source = "ru" if src_cyr > src_han else "zh" if src_han else None
    if source is None:
        raise InputError(
            "PO catalogue's source text (msgid) is neither Russian nor Chinese; "
            "check it against its counterpart catalogue (e.g. ru.po with zh_CN.po)",
            doc.path,
        )
    if target is None or target == source:
        target = "zh" if source == "ru" else "ru"
    return source, target


def _include_fuzzy(config: Config) -> bool:
    return bool(getattr(config, "options", {}).get(INCLUDE_FUZZY))


class PoReader(Reader):
    """gettext PO catalogues (see the module docstring)."""

    name = "po"
    options = {INCLUDE_FUZZY: (bool, "read fuzzy and obsolete PO entries as translated")}
    extensions = (".po",)
    bilingual = True

    def sniff(self, path: str, head: str) -> bool:
        return sniff_po(head)

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        msgs, meta = messages(doc, _include_fuzzy(config))
        if lang is None:
            return self._bilingual(doc, msgs, meta)
        segs: list[Segment] = []
        for m in msgs:
            if not m.target:
                # An entry without msgstr (polib reads "msgid" alone):
                # nothing of this language to check.
                continue
            # Chinese has one plural form where Russian has three: the
            # first forms are the ones both catalogues are sure to have.
            name, f = m.target[0]
            kind = "entry" if m.skipped is None else m.skipped
            seg = _seg(doc, lang, f, m.key, kind, m.flags)
            if m.skipped is not None:
                # Present but not a translation yet: it pairs by key with
                # the other catalogue's entry and so is not an omission
                # there, but holds no text to check.
                seg.text = ""
                seg.offsets = []
            segs.append(seg)
        return Parsed(doc, {lang: segs})

    def _bilingual(self, doc: Document, msgs: list[Message], meta: dict[str, str]) -> Parsed:
        src_lang, tgt_lang = _direction(doc, [m for m in msgs if m.skipped is None] or msgs, meta)
        parsed = Parsed(doc, {"ru": [], "zh": []})
        for m in msgs:
            if m.skipped is not None:
                continue
            flags = m.flags
            for (sn, sf), (tn, tf) in _form_pairs(m.source, m.target):
                if not tf.text.strip():
                    continue
                s = _seg(doc, src_lang, sf, None, "entry", flags)
                t = _seg(doc, tgt_lang, tf, None, "entry", flags)
                ru, zh = (s, t) if src_lang == "ru" else (t, s)
                parsed.fixed.append(([ru], [zh]))
        return parsed


def _form_pairs(source, target):  # type: ignore[no-untyped-def]
    """Plural forms compared where they correspond: form by form when
    both sides have as many forms; else the general plural (msgid_plural)
    against the target's first form (Chinese has only one)."""
    if len(source) == 1 or len(target) == 1:
        return [(source[-1], target[0])]
    if len(source) == len(target):
        return list(zip(source, target))
    return [(source[0], target[0]), (source[-1], target[-1])]
