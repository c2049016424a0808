"""JSON and YAML locale files (``ru.json`` + ``zh-CN.json``,
``X.ru.yml`` + ``X.zh-Hans.yml``).

Every string leaf becomes a segment keyed by its path (``labels.paste``,
``errors.0``), so the engine pairs the two files' strings by key and a
key present on one side only is reported.  When the file's only
top-level key is a language (the Rails layout ``ru: {...}``, or an
i18next resource file ``{"zh-CN": {"translation": {...}}}``), that level
is left out of the path, so ``ru.title`` pairs with ``zh.title``.  An
untagged file whose top level holds both a Russian and a Chinese tree
(``{"ru": {...}, "zh": {...}}``) is read as bilingual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ruconsist.document import Document, Offsets, Segment
from ruconsist.errors import InputError
from ruconsist.readers.base import Parsed, Reader
from ruconsist.readers.common import align_offsets, lang_code, make_segment
from ruconsist.yamlio import expansion_problem

if TYPE_CHECKING:
    from ruconsist.config import Config

_JSON_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WS = " \t\r\n"
#: What ends a run of literal characters in a JSON string.
_JSON_SPECIAL = re.compile(r'["\\]')


class _Leaf:
    __slots__ = ("path", "text", "offsets", "pos")

    def __init__(self, path: tuple[str, ...], text: str, offsets: Offsets, pos: int) -> None:
        self.path = path
        self.text = text
        self.offsets = offsets
        self.pos = pos


# JSON -----------------------------------------------------------------


_SCALAR = re.compile(r"-?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|Infinity)|NaN|true|false|null")


class _JsonScanner:
    """A JSON reader that keeps the file offset of every string
    character.  The file is validated by :mod:`json` first, so this
    scanner may assume well-formed input."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def ws(self) -> None:
        s, i = self.s, self.i
        while i < len(s) and s[i] in _WS:
            i += 1
        self.i = i

    def string(self) -> tuple[str, Offsets]:
        s = self.s
        i = self.i + 1
        out: list[str] = []
        offs = Offsets()
        while True:
            m = _JSON_SPECIAL.search(s, i)
            if m is None:
                raise IndexError("string index out of range")
            stop = m.start()
            if stop > i:
                # Literal characters, a run at a time.
                out.append(s[i:stop])
                offs.append_run(i, stop - i)
                i = stop
            if s[i] == '"':
                self.i = i + 1
                return "".join(out), offs
            e = s[i + 1]
            if e == "u":
                code = int(s[i + 2 : i + 6], 16)
                width = 6
                if 0xD800 <= code < 0xDC00 and s[i + 6 : i + 8] == "\\u":
                    low = int(s[i + 8 : i + 12], 16)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        width = 12
                out.append(chr(code))
                offs.append(i)
                i += width
                continue
            out.append(_JSON_ESC[e])
            offs.append(i)
            i += 2

    def value(self, path: tuple[str, ...], leaves: list[_Leaf]) -> None:
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            self.i += 1
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return
            while True:
                self.ws()
                key, _ = self.string()
                self.ws()
                self.i += 1  # ':'
                self.value((*path, key), leaves)
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "}":
                    return
        elif ch == "[":
            self.i += 1
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return
            n = 0
            while True:
                self.value((*path, str(n)), leaves)
                n += 1
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "]":
                    return
        elif ch == '"':
            pos = self.i
            text, offs = self.string()
            leaves.append(_Leaf(path, text, offs, pos + 1))
        else:
            # Python's json also takes NaN and Infinity, so the scanner does.
            m = _SCALAR.match(self.s, self.i)
            if m is None:
                raise ValueError(f"unexpected character {ch!r}")
            self.i = m.end()


def json_leaves(doc: Document) -> tuple[Any, list[_Leaf]]:
    from ruconsist import jsonio

    data = jsonio.loads(doc.text, doc.path, InputError)
    leaves: list[_Leaf] = []
    sc = _JsonScanner(doc.text)
    try:
        sc.value((), leaves)
    except (ValueError, IndexError) as exc:
        # json.loads accepted it, so this is a gap in the position scanner.
        line = doc.text[: sc.i].count("\n") + 1
        raise InputError(f"JSON not readable with positions: {exc}", doc.path, line) from None
    return data, leaves


# YAML -----------------------------------------------------------------

MAX_NODES = 200_000


def yaml_leaves(doc: Document) -> tuple[Any, list[_Leaf]]:
    """The top-level mapping's nodes by key (``None`` unless the document
    is a mapping) and every string value with its key path and the
    offsets of its characters in the file."""
    import yaml

    node = _compose(doc)
    if node is None:
        return None, []
    if "&" in doc.text:  # anchors: refuse a recursive or exploding document before walking it
        problem = expansion_problem(node)
        if problem is not None:
            raise InputError(f"{problem[0]}; refusing it", doc.path, problem[1])
    seen = 0
    stack: list[tuple[Any, tuple[str, ...]]] = [(node, ())]
    top: dict[str, Any] | None = {} if isinstance(node, yaml.MappingNode) else None
    out: list[_Leaf] = []
    while stack:
        cur, path = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            # Aliases can make a small file expand without bound.
            raise InputError(f"YAML expands to more than {MAX_NODES} values through aliases; refusing it", doc.path)
        if isinstance(cur, yaml.MappingNode):
            stack.extend(reversed(_mapping_items(cur, path, top if not path else None)))
        elif isinstance(cur, yaml.SequenceNode):
            stack.extend(reversed([(v, (*path, str(i))) for i, v in enumerate(cur.value)]))
        elif isinstance(cur, yaml.ScalarNode) and cur.tag == "tag:yaml.org,2002:str":
            out.append(_string_leaf(doc, cur, path))
    return top, out


def _compose(doc: Document) -> Any:
    """The document's node tree: composing (not constructing) gives every
    scalar's marks, and only the safe resolver runs, so no tag can build
    an object."""
    import yaml

    try:
        return yaml.compose(doc.text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(
            f"not valid YAML: {exc.problem or exc.context or 'syntax error'}",
            doc.path,
            mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", doc.path) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", doc.path) from None


def _mapping_items(node: Any, path: tuple[str, ...], top: dict[str, Any] | None) -> list[tuple[Any, tuple[str, ...]]]:
    """A mapping's values with their key paths; a merge key (``<<:``)
    adds its mapping's keys at the same level.  ``top``: where the
    top-level mapping's values go by key."""
    import yaml

    items = []
    for k, v in node.value:
        key = str(k.value) if isinstance(k, yaml.ScalarNode) else "?"
        if key == "<<" and k.tag == "tag:yaml.org,2002:merge":
            items.append((v, path))
            continue
        items.append((v, (*path, key)))
        if top is not None:
            top[key] = v
    return items


def _string_leaf(doc: Document, node: Any, path: tuple[str, ...]) -> _Leaf:
    a, b = node.start_mark.index, node.end_mark.index
    raw = doc.text[a:b]
    skip = 0
    if node.style in ("|", ">"):
        # Block scalars: the indicator line is not text.
        nl = re.search(r"\r\n|\r|\n", raw)
        skip = nl.end() if nl else len(raw)
    offs = align_offsets(node.value, raw[skip:], a + skip, escapes=node.style == '"')
    return _Leaf(path, node.value, offs, a)


# The reader ------------------------------------------------------------


def _strip_lang_root(leaves: list[_Leaf], lang: str | None) -> tuple[list[_Leaf], str | None]:
    """Drop a top level that names the file's language (Rails ``ru:``,
    i18next ``{"zh-CN": {"translation": …}}``)."""
    roots = {lf.path[0] for lf in leaves if lf.path}
    if len(roots) == 1:
        root = next(iter(roots))
        code = lang_code(root)
        if code is not None and (lang is None or code == lang) and len(root) <= 10:
            return [_Leaf(lf.path[1:], lf.text, lf.offsets, lf.pos) for lf in leaves], code
    return leaves, None


def _segments(doc: Document, lang: str, leaves: list[_Leaf], fmt: str) -> list[Segment]:
    segs = []
    for lf in leaves:
        key = ".".join(lf.path) or "(root)"
        seg = make_segment(doc, lang, lf.text, lf.offsets or [lf.pos], kind="string", key=key, fmt=fmt)
        segs.append(seg)
    return segs


class _LocaleReader(Reader):
    fmt = "locale"

    def leaves(self, doc: Document) -> list[_Leaf]:
        raise NotImplementedError

    def read(self, doc: Document, lang: str | None, config: Config) -> Parsed:
        leaves = self.leaves(doc)
        if lang is not None:
            leaves, _ = _strip_lang_root(leaves, lang)
            return Parsed(doc, {lang: _segments(doc, lang, leaves, self.fmt)})
        # An untagged file: bilingual when its top level holds a Russian
        # and a Chinese tree.
        trees: dict[str, list[_Leaf]] = {}
        for lf in leaves:
            code = lang_code(lf.path[0]) if lf.path and len(lf.path[0]) <= 10 else None
            if code is not None:
                trees.setdefault(code, []).append(_Leaf(lf.path[1:], lf.text, lf.offsets, lf.pos))
        if set(trees) >= {"ru", "zh"}:
            return Parsed(doc, {k: _segments(doc, k, trees[k], self.fmt) for k in ("ru", "zh")})
        _, code = _strip_lang_root(leaves, None)
        hint = f" (it holds {code.upper()} strings only)" if code else ""
        raise InputError(
            f"a {self.fmt} locale file needs its counterpart: name them like ru.json and zh-CN.json{hint}",
            doc.path,
        )


class JsonLocaleReader(_LocaleReader):
    """JSON locale files: nested objects of strings (i18next, Chrome
    ``messages.json`` style values are plain strings too)."""

    name = "json-locale"
    extensions = (".json", ".arb")
    fmt = "json"

    def sniff(self, path: str, head: str) -> bool:
        return head.lstrip().startswith("{") and re.search(r'^\s*\{\s*"[^"]+"\s*:', head) is not None

    def leaves(self, doc: Document) -> list[_Leaf]:
        data, leaves = json_leaves(doc)
        if not isinstance(data, (dict, list)):
            raise InputError("JSON locale file must hold an object of strings", doc.path, 1)
        # ARB / Chrome metadata keys (``@key``, ``description``) are not text.
        return [lf for lf in leaves if not any(p.startswith("@") for p in lf.path)]


class YamlLocaleReader(_LocaleReader):
    """YAML locale files (Rails ``config/locales/ru.yml``, flat ``key:
    text`` maps)."""

    name = "yaml-locale"
    extensions = (".yml", ".yaml")
    fmt = "yaml"

    def leaves(self, doc: Document) -> list[_Leaf]:
        top, leaves = yaml_leaves(doc)
        if top is None and not leaves:
            raise InputError("YAML locale file must hold a mapping of strings", doc.path, 1)
        return leaves
