"""Context that decides whether a pack term's mention needs a counterpart:
Latin script on the other side, and names inside other names.

Both answer for the term checks (TRM001, TRM003) before a one-sided
mention is reported:

* A name kept in Latin on the other side (Скопье ↔ Skopje, 贵阳 ↔
  «Guiyang Evening News») or a known Latin abbreviation (UK, U.S., EU)
  is its counterpart.
* A surname or place name that stands inside another person's name is
  not a mention: Помпео Батони (a painter, not Pompeo), Алекс Кингстон
  (not Kingston, Jamaica), 吉米·威尔士 (Jimmy Wales, not Wales).
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Collection

import regex

from ruconsist.rules import RuleSet, Term

_ROMAN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)
LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z.'’\-]*[A-Za-z]|[A-Za-z]")
#: How close a romanized Russian name and a Latin word must be
#: (Скопье/Skopje 0.91, Гуйян/Guiyang 0.77, Лондон/London 1.0).
SIMILAR = 0.75


def romanize(text: str) -> str:
    return text.lower().replace("-", " ").translate(_ROMAN)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("-", " ")


def latin_forms(rules: RuleSet) -> dict[str, tuple[str, ...]]:
    """``vocab: entities: latin``: term id -> Latin names and
    abbreviations that stand for it in either language."""

    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for _pack, node in rules.vocab("entities"):
            if isinstance(node, dict):
                for tid, forms in (node.get("latin") or {}).items():
                    out.setdefault(str(tid), []).extend(f for f in forms or () if isinstance(f, str))
        return {k: tuple(v) for k, v in out.items()}

    return rules.cached("entities.latin", build)  # type: ignore[no-any-return]


def latin_counterpart(rules: RuleSet, term: Term, text: str) -> bool:
    """Whether ``text`` names ``term`` in Latin: one of its known Latin
    forms as a whole word, or a run of Latin words close to its Russian
    name romanized."""
    words = [m.group() for m in LATIN_WORD.finditer(text)]
    if not words:
        return False
    known = latin_forms(rules).get(term.id, ())
    bare = {w.rstrip(".") for w in words}
    if any(f in words or f.rstrip(".") in bare for f in known):
        return True
    targets = [romanize(f) for f in (*term.ru, *term.accept_ru) if f[:1].isupper() and not f.isupper()]
    targets += [_plain(f) for f in (*term.ru, *term.zh) if f.isascii()]
    if not targets:
        return False
    plain = [_plain(w) for w in words]
    for target in targets:
        n = target.count(" ") + 1
        for i in range(len(plain) - n + 1):
            candidate = " ".join(plain[i : i + n])
            if difflib.SequenceMatcher(None, target, candidate).ratio() >= SIMILAR:
                return True
    return False


_CAPITAL = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?")
_BEFORE = regex.compile(r"(\p{Lu}[\p{Ll}\p{M}]+)[ \u00a0]+$")
_AFTER = regex.compile(r"[ \u00a0]+(\p{Lu}[\p{Ll}\p{M}]+)")
_REACH = 40
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:;«\"„“(—–-]\s*)$")
#: What joins the parts of a Chinese personal name.
ZH_NAME_JOINERS = "·•・‧∙"


def inside_other_name(
    text: str,
    start: int,
    end: int,
    lang: str,
    category: str,
    others: Collection[int],
    titles: Collection[str] = frozenset(),
) -> bool:
    """Whether the one-word mention ``text[start:end]`` of a person or
    place is part of another person's name: in Russian, with a
    capitalised word that is not a pack name right before it (not at the
    start of a sentence) or right after it; in Chinese, joined to other
    characters by a name separator (吉米·威尔士, 蓬佩奥·巴托尼).  ``others``
    holds where the side's pack mentions start and end; ``titles``, the
    lower-cased forms of titles that stand capitalised before a name
    (Президент Трамп, Госсекретарю Помпео), which are no given names."""
    if category not in ("name", "place"):
        return False
    if lang == "zh":
        before = text[start - 1 : start]
        after = text[end : end + 1]
        return (before != "" and before in ZH_NAME_JOINERS) or (after != "" and after in ZH_NAME_JOINERS)
    if " " in text[start:end]:
        return False
    if text[start:end].isupper():
        # An abbreviation (США, КНДР) is no part of a person's name.
        return False

    def is_term(a: int, b: int) -> bool:
        return a in others or b in others

    word = text[start:end]
    # Only the few words around the mention matter: look at a short
    # stretch, not at everything before it.
    lo = max(0, start - _REACH)
    m = _BEFORE.search(text, lo, start)
    if (
        m is not None
        and not is_term(m.start(1), m.end(1))
        and m.group(1).lower().replace("ё", "е") not in titles
        and not _SENTENCE_START.search(text, max(0, m.start(1) - 4), m.start(1))
        and m.start(1) > 0
        and same_name(word, m.group(1))
    ):
        return True
    m = _AFTER.match(text, end, min(len(text), end + _REACH))
    return m is not None and not is_term(m.start(1), m.end(1)) and same_name(word, m.group(1))


def same_name(mention: str, neighbour: str) -> bool:
    """Whether a capitalised Russian word beside a pack name's one-word
    mention can be part of one person's name with it: the parts of a name
    are nouns in the same case and number (Алекса Кингстона, Помпео
    Батони), and the neighbour is no word of the dictionary that is not a
    name (Ассамблеи Уэльса: the Welsh Assembly; Трампом Западной
    Вирджинии).  A place in the genitive before a name names the office's
    country (премьер-министра Сингапура Вонг Кан Сенг, Первая леди
    Аргентины Кристина)."""
    theirs = _name_parses(neighbour)
    if theirs is None:
        return False
    mine = _name_parses(mention) or frozenset({ANY_CASE})
    return bool(mine & theirs) or ANY_CASE in mine or ANY_CASE in theirs


#: A word that takes every case (Помпео, Джимми).
ANY_CASE = ("*", "*")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


@functools.lru_cache(maxsize=4096)
def _name_parses(word: str) -> frozenset[tuple[str, str]] | None:
    """(case, number) of the readings of ``word`` as a part of a name;
    ``None`` when every reading is a dictionary word that is no name."""
    from ruconsist import morph

    out: set[tuple[str, str]] = set()
    named = False
    for p in morph.analyzer().parse(word):
        tag = p.tag
        if tag.POS != "NOUN":
            continue
        if p.is_known and not (_NAME_TAGS & tag.grammemes) and "Geox" not in tag.grammemes:
            continue
        named = True
        out.add(ANY_CASE if "Fixd" in tag.grammemes else (str(tag.case), str(tag.number)))
    return frozenset(out) if named else None
