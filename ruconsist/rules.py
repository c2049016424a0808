"""Rule packs: YAML files of terms, patterns and language vocabularies.

A pack is data, never code.  It is validated on load and every error
names the pack file and line.  The schema (version 1) is documented in
``docs/rules.md``; in short::

    version: 1
    pack: people                 # optional, defaults to the file stem
    description: ...
    source: ...                  # where the entries come from
    terms:
      - id: putin
        category: name           # name | place | organization | title | term
        ru: [Владимир Путин, Путин]
        zh: [弗拉基米尔·普京, 普京]
        accept:                  # count as a counterpart, never require one
          ru: [президент России]
          zh: [俄罗斯总统]
        forbidden:
          zh: [普丁]
        zh-TW: [弗拉迪米爾·普丁, 普丁]   # a region's own forms
        zh-HK: [...]
        except:                  # longer words that contain a form but
          zh: [普京市]           # are not mentions of the term
        severity: error
        note: ...
        examples:
          pass: [{ru: ..., zh: ...}]
          fail: [{ru: ..., zh: ..., codes: [TRM001]}]
    patterns: [...]              # paired pattern rules
    vocab:                       # language data read by the checks
      numbers: {...}
      dates: {...}

Packs given later override terms with the same id from earlier packs
(a user's pack can correct a shipped entry); the same id twice in one
pack is an error.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ruconsist.diagnostic import CATEGORIES, Severity
from ruconsist.errors import RuleError
from ruconsist.packschema import REGION_KEYS, validate_pack, vocab_key_lines
from ruconsist.packtypes import Example, Pack, Term, forms_of, parse_examples, sides_of
from ruconsist.yamlio import MarkedDict, MarkedList, line_of, load_yaml




def _fail(msg: str, path: str, node: Any, key: Any = None) -> RuleError:
    return RuleError(msg, path, line_of(node, key))


def parse_term(node: Any, path: str, pack: str) -> Term:
    """A term of a pack that passed :data:`~ruconsist.packschema.TERM`."""
    tid = node.get("id")
    if not isinstance(tid, str) or not tid.strip():
        raise _fail("term needs an 'id' (a non-empty string)", path, node)
    ru, zh = forms_of(node.get("ru")), forms_of(node.get("zh"))
    accept_ru, accept_zh = sides_of(node.get("accept"))
    forb_ru, forb_zh = sides_of(node.get("forbidden"))
    var_ru, var_zh = sides_of(node.get("variant"))
    exc_ru, exc_zh = sides_of(node.get("except"))
    regional = tuple((key[3:], forms) for key in REGION_KEYS if (forms := forms_of(node.get(key))))
    if regional and not zh:
        raise _fail(f"term {tid!r} has regional forms but no 'zh' forms", path, node)
    if not ru and not zh and not forb_ru and not forb_zh:
        raise _fail(f"term {tid!r} has no forms: give 'ru', 'zh' or 'forbidden'", path, node)
    if (ru and not zh) or (zh and not ru):
        if not (forb_ru or forb_zh):
            missing = "zh" if ru else "ru"
            raise _fail(f"term {tid!r} has no {missing!r} forms", path, node)
    return Term(
        id=tid.strip(),
        category=node.get("category", "term"),
        ru=ru,
        zh=zh,
        accept_ru=accept_ru,
        accept_zh=accept_zh,
        forbidden_ru=forb_ru,
        forbidden_zh=forb_zh,
        variant_ru=var_ru,
        variant_zh=var_zh,
        except_ru=exc_ru,
        except_zh=exc_zh,
        severity=Severity.parse(node["severity"]) if "severity" in node else None,
        note=node.get("note"),
        source=node.get("source"),
        case=node.get("case", "auto"),
        examples=parse_examples(node.get("examples"), path, node),
        regional=regional,
        pack=pack,
        path=path,
        line=line_of(node),
    )


def load_pack_text(text: str, path: str) -> Pack:
    data = load_yaml(text, path)
    if data is None:
        data = MarkedDict()
        data.line = 1
        data.key_lines = {}
    validate_pack(data, path)
    version = data.get("version", 1)
    if version != 1:
        raise _fail(f"unsupported rule pack version {version!r} (expected 1)", path, data, "version")
    name = data.get("pack") or Path(path).name.split(".")[0]
    pack = Pack(
        name=name,
        path=path,
        description=str(data.get("description") or ""),
        source=str(data.get("source") or ""),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    seen: dict[str, int | None] = {}
    for node in data.get("terms") or []:
        term = parse_term(node, path, name)
        if term.id in seen:
            raise RuleError(
                f"duplicate term id {term.id!r} (first at line {seen[term.id]})", path, term.line
            )
        seen[term.id] = term.line
        pack.terms.append(term)
    vocab = data.get("vocab") or {}
    pack.vocab = dict(vocab)
    pack.vocab_lines = vocab_key_lines(vocab)
    if "patterns" in data:
        # Pattern rules are validated (and their regexes compiled) by the
        # pattern-rule module, imported only for packs that have them.
        from ruconsist.patterns import parse_patterns

        pack.sections["patterns"] = parse_patterns(pack, data["patterns"], path)
    return pack


def load_pack(path: str | os.PathLike[str], display: str | None = None) -> Pack:
    p = Path(path)
    shown = display or str(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise RuleError("is a directory, not a rule pack", shown) from None
    except FileNotFoundError:
        raise RuleError("rule pack not found", shown) from None
    except OSError as exc:
        raise RuleError(f"cannot read rule pack: {exc.strerror}", shown) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RuleError("rule pack is not valid UTF-8", shown, line) from None
    # Parsing and validating YAML costs more than linting a short pair
    # (0.2 s for the shipped packs), so the parsed pack is kept on disk,
    # keyed by the file's bytes, the name it is shown under and the
    # loader's code.  A pack with errors is never stored: it raises again.
    from ruconsist import cache

    key = cache.key_for(hashlib.sha256(raw).hexdigest(), shown, _loader_digest())
    return cache.cached("pack", key, lambda: load_pack_text(text, shown), Pack)


@functools.lru_cache(maxsize=1)
def _loader_digest() -> str:
    from ruconsist import cache, packschema, packtypes, patterns, schema, yamlio

    return cache.code_digest(
        __file__, yamlio.__file__, patterns.__file__, schema.__file__, packschema.__file__, packtypes.__file__
    )


def default_pack_dir() -> Path:
    """Where the shipped packs are: inside the installed package, or the
    repository's ``rules/`` when running from a checkout."""
    here = Path(__file__).resolve().parent
    inside = here / "rules"
    if inside.is_dir():
        return inside
    return here.parent / "rules"


def default_pack_paths() -> list[Path]:
    return sorted(default_pack_dir().glob("*.yaml"))


_TERMS_OR_PATTERNS = re.compile(r"^(?:terms|patterns):", re.MULTILINE)


def is_vocabulary_pack(path: Path) -> bool:
    """A shipped pack holding only ``vocab`` (no terms, no patterns)."""
    try:
        return _TERMS_OR_PATTERNS.search(path.read_text(encoding="utf-8")) is None
    except OSError:
        return False


_SHIPPED_VOCAB: list[Pack] | None = None


def _shipped_vocabulary() -> list[Pack]:
    global _SHIPPED_VOCAB
    if _SHIPPED_VOCAB is None:
        _SHIPPED_VOCAB = [
            load_pack(p, f"rules/{p.name}") for p in default_pack_paths() if is_vocabulary_pack(p)
        ]
    return _SHIPPED_VOCAB


class RuleSet:
    """All loaded packs, merged: terms by id (later packs win), vocab
    sections concatenated in load order."""

    def __init__(self, packs: Iterable[Pack]) -> None:
        self.packs = list(packs)
        merged: dict[str, Term] = {}
        for pack in self.packs:
            for term in pack.terms:
                merged.pop(term.id, None)
                merged[term.id] = term
        self.terms: list[Term] = list(merged.values())
        self._by_id = merged
        self._cache: dict[str, Any] = {}
        #: The Chinese region whose forms the terms hold (None: the
        #: packs' ``zh`` forms as written).
        self.region: str | None = None

    def for_region(self, region: str | None) -> RuleSet:
        """This rule set with the terms' forms for Chinese text of
        ``region`` (``TW``, ``HK``, ``Hant`` for Traditional text of no
        known region), matched in Simplified characters like the text
        they are checked against: a term's regional forms are its forms
        there, and its other forms are forbidden there (普京 in a Taiwan
        text, as 普丁 in a mainland one).  Traditional text of no known
        region accepts every region's forms."""
        if region is None:
            return self
        return self.cached(f"region:{region}", lambda: _regional_rules(self, region))  # type: ignore[no-any-return]

    def term(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def vocab(self, name: str) -> Iterator[tuple[Pack, Any]]:
        """Each pack's ``vocab: {name: ...}`` node, in load order.

        A rule set built without any pack that defines ``name`` (a test's
        own pack, a plugin's) reads the shipped vocabulary packs: checks
        cannot read numbers or dates without them."""
        found = False
        for pack in self.packs:
            if name in pack.vocab:
                found = True
                yield pack, pack.vocab[name]
        if not found:
            for pack in _shipped_vocabulary():
                if name in pack.vocab:
                    yield pack, pack.vocab[name]

    def section(self, name: str) -> Iterator[tuple[Pack, Any]]:
        for pack in self.packs:
            if name in pack.sections:
                yield pack, pack.sections[name]

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """Build a derived structure (a matcher, a vocabulary table) once
        per rule set."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for pack in self.packs:
            h.update(pack.digest.encode())
        if self.region:
            h.update(f"region:{self.region}".encode())
        return h.hexdigest()


def _regional_rules(rules: RuleSet, region: str) -> RuleSet:
    out = RuleSet(rules.packs)
    out.region = region
    out.terms = [regional_term(t, region) for t in rules.terms]
    out._by_id = {t.id: t for t in out.terms}
    return out


def regional_term(term: Term, region: str) -> Term:
    """``term`` as Chinese text of ``region`` writes it, in Simplified
    characters (see :meth:`RuleSet.for_region`)."""
    import dataclasses

    if not term.regional:
        return term
    from ruconsist.lang.script import to_simplified

    own = {r: tuple(dict.fromkeys(to_simplified(f, r) for f in forms)) for r, forms in term.regional}
    if region in own:
        forms = own[region]
        forbidden = tuple(dict.fromkeys(f for f in (*term.forbidden_zh, *term.zh) if f not in forms))
    elif region == "Hant":
        forms = tuple(dict.fromkeys((*term.zh, *(f for fs in own.values() for f in fs))))
        forbidden = tuple(f for f in term.forbidden_zh if f not in forms)
    else:
        return term
    return dataclasses.replace(term, zh=forms, forbidden_zh=forbidden)


def load_rules(
    extra: Iterable[str | os.PathLike[str]] = (),
    *,
    defaults: bool = True,
    plugin_packs: Iterable[str | os.PathLike[str]] = (),
) -> RuleSet:
    paths: list[tuple[Path, str]] = []
    for p in default_pack_paths():
        # Language data (number words, month abbreviations, syllable
        # tables) is not a house rule: it loads even without the default
        # term packs, since the checks cannot read text without it.
        if defaults or is_vocabulary_pack(p):
            paths.append((p, f"rules/{p.name}"))
    if defaults:
        for p in plugin_packs:
            paths.append((Path(p), str(p)))
    for p in extra:
        paths.append((Path(p), str(p)))
    return RuleSet(load_pack(p, shown) for p, shown in paths)


__all__ = [
    "CATEGORIES",
    "REGION_KEYS",
    "Example",
    "MarkedList",
    "Pack",
    "RuleSet",
    "Term",
    "load_pack",
    "load_pack_text",
    "load_rules",
]
