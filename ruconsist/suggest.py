"""Glossary building: propose RU/ZH term pairs the rule packs lack.

From the aligned segments of a run, count which Russian proper-noun
phrases (capitalised words by lemma: ``Бретт Кавано``, ``Кавано``,
``Кавано``'s other cases) appear in the same segments as which Chinese
strings (runs of transliteration characters, their ``·``-joined full
names, and other Han strings of two to eight characters).  A pair that
keeps appearing together, and rarely apart, is proposed; so is a Chinese
name whose characters read, in the Palladius system, as the Russian
words beside it (深圳 ↔ ``Шэньчжэнь``), even when seen only once.

Phrases and strings covered by a term of the loaded packs are left out:
they are in the glossary already.  The output is YAML ready to paste
under ``terms:`` of a pack, each entry with its evidence as a comment.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruconsist.checks.consistency import (
    Word,
    _common_parse,
    _inside,
    _norm,
    _proper_parse,
    _stem,
    given_name,
    ru_names,
    term_spans,
    vocab_for,
    zh_runs,
)
from ruconsist.diagnostic import Location
from ruconsist.document import SegmentPair
from ruconsist.lang.han import HAN_RUN

#: Longest RU phrase and ZH string considered.
MAX_WORDS = 4
MIN_HAN, MAX_HAN = 2, 8
#: Separators inside a foreign name in Chinese.
NAME_JOINERS = "·‧•・-"


@dataclass
class Phrase:
    """A RU proper-noun phrase as counted: its key (one per word) and the
    forms it was written in."""

    key: tuple[str, ...]
    surfaces: Counter[str] = field(default_factory=Counter)
    words: list[Counter[str]] = field(default_factory=list)


@dataclass
class Evidence:
    """How one RU form and one ZH form go together over the run."""

    ru: str
    zh: str
    together: int
    ru_count: int
    zh_count: int
    dice: float
    palladius: bool
    key: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        return self.together * self.dice + (0.5 if self.palladius else 0.0)

    def text(self) -> str:
        out = (
            f"{self.ru} = {self.zh}: together in {self.together} segments"
            f" (RU in {self.ru_count}, ZH in {self.zh_count}; Dice {self.dice:.2f})"
        )
        if self.palladius:
            out += ", the characters read so in Palladius"
        return out


@dataclass
class Suggestion:
    ru: list[str]
    zh: list[str]
    category: str
    evidence: list[Evidence]
    where: Location | None
    also: list[tuple[str, int]] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Each form counts in the segments where it stands on its own, so
        the forms' evidence adds up."""
        return sum(e.score for e in self.evidence)


def ru_phrases(words: list[Word], text: str) -> list[tuple[int, int, list[Word]]]:
    """Runs of adjacent name words joined by one space (``Юрий Ушаков``,
    ``Западной Вирджинии``), each counted as written: a part of a longer
    name counts only where it stands alone, so ``Вирджиния`` is not
    credited with ``Западная Вирджиния``'s rendering."""
    groups: list[list[Word]] = []
    for w in words:
        if groups and text[groups[-1][-1].end : w.start] in (" ", "\u00a0") and len(groups[-1]) < MAX_WORDS:
            groups[-1].append(w)
        else:
            groups.append([w])
    return [(g[0].start, g[-1].end, g) for g in groups]


def zh_candidates(text: str, translit: Any, skip: list[tuple[int, int]]) -> tuple[dict[str, int], set[str]]:
    """Chinese strings that may render a name, each with its first offset:
    transliteration runs and full names joined by ``·``, and Han strings
    of two to eight characters.  The second value holds the strings that
    are whole names: a transliteration run or a joined full name."""
    out: dict[str, int] = {}
    whole: set[str] = set()
    joined: list[tuple[int, int]] = []
    runs = zh_runs(text, translit)
    i = 0
    while i < len(runs):
        a, b, _ = runs[i]
        j = i
        while j + 1 < len(runs) and runs[j + 1][0] == runs[j][1] + 1 and text[runs[j][1]] in NAME_JOINERS:
            j += 1
        for k in range(i, j + 1):
            if not _inside(skip, runs[k][0], runs[k][1]):
                whole.add(runs[k][2])
        if j > i:
            # A full name counts as written, not also as its parts
            # (坎耶·韦斯特 is no separate 韦斯特), as RU phrases do.
            joined.append((a, runs[j][1]))
            if not _inside(skip, a, runs[j][1]):
                out.setdefault(text[a : runs[j][1]], a)
                whole.add(text[a : runs[j][1]])
        i = j + 1
    skip = skip + joined
    for m in HAN_RUN.finditer(text):
        run = m.group()
        for n in range(MIN_HAN, min(MAX_HAN, len(run)) + 1):
            for k in range(len(run) - n + 1):
                a = m.start() + k
                if not _inside(skip, a, a + n):
                    out.setdefault(run[k : k + n], a)
    return out, whole


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(_norm(w)) for w in text.replace("-", " ").split())


class Collector:
    """Counts over the beads of a run; :meth:`suggestions` ranks."""

    def __init__(self, rules: Any) -> None:
        self.rules = rules
        self.translit = vocab_for(rules)
        self.units = 0
        self.phrases: dict[tuple[str, ...], Phrase] = {}
        self.phrase_units: dict[tuple[str, ...], list[int]] = defaultdict(list)
        #: Per unit: each ZH candidate and its offset in the unit's ZH side.
        self.unit_zh: list[dict[str, int]] = []
        self.unit_side: list[Any] = []
        self.zh_count: Counter[str] = Counter()
        #: ZH strings seen as whole names (transliteration runs, joined names).
        self.whole: set[str] = set()
        #: Every surface of each RU word key, for dictionary forms.
        self.word_surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.palladius: Counter[tuple[tuple[str, ...], str]] = Counter()
        self._table = None
        table = self._palladius_table()
        #: Function words (的, 是, 和 …) never begin or end a name.
        self.edge_chars: frozenset[str] = self.translit.edges | (
            getattr(table[1], "function_chars", frozenset()) if table else frozenset()
        )
        self._pall_cache: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._reading_cache: dict[tuple[str, str], str] = {}

    # Palladius ----------------------------------------------------------

    def _palladius_table(self):  # type: ignore[no-untyped-def]
        if self._table is None:
            try:
                from ruconsist.lang import palladius
            except ModuleNotFoundError:
                self._table = False
            else:
                self._table = (palladius, palladius.table_from_rules(self.rules))
        return self._table

    def _palladius_matches(self, words: list[Word], zh: str) -> set[str]:
        """Han strings of ``zh`` that read, in Palladius, as ``words``."""
        found = self._palladius_table()
        if not found:
            return set()
        palladius, table = found
        lengths: set[int] = set()
        for w in words:
            parses = palladius.parse_word(w.text, table)
            if not parses:
                return set()
            lengths = {n + len(p.syllables) for n in (lengths or {0}) for p in parses}
        want = _stems(" ".join(w.text for w in words))
        person = len(words) >= 2
        out = set()
        for m in HAN_RUN.finditer(zh):
            run = m.group()
            for n in lengths:
                if n < 2:
                    continue  # one character is too little to go on
                for k in range(len(run) - n + 1):
                    hanzi = run[k : k + n]
                    if all(c in self.translit.chars for c in hanzi) or any(c in self.edge_chars for c in hanzi):
                        continue  # a foreign name, or not a name at all
                    key = (hanzi, person)
                    if key not in self._pall_cache:
                        self._pall_cache[key] = _stems(palladius.hanzi_to_palladius(hanzi, table, person=person))
                    if self._pall_cache[key] == want:
                        out.add(hanzi)
        return out

    # Counting -----------------------------------------------------------

    def add(self, bead: SegmentPair) -> None:
        if not bead.ru or not bead.zh:
            return
        ru_text, zh_text = bead.ru.text, bead.zh.text
        ru_skip = term_spans(bead, "ru", self.rules)
        zh_skip = term_spans(bead, "zh", self.rules)
        words = [w for w in ru_names(ru_text) if not _inside(ru_skip, w.start, w.end)]
        if not words:
            return
        unit = self.units
        self.units += 1
        cands, whole = zh_candidates(zh_text, self.translit, zh_skip)
        self.whole |= whole
        for w in words:
            self.word_surfaces[w.key][w.text] += 1
        self.unit_zh.append(cands)
        self.unit_side.append(bead.zh)
        for z in cands:
            self.zh_count[z] += 1
        seen: set[tuple[str, ...]] = set()
        for a, b, ws in ru_phrases(words, ru_text):
            key = tuple(w.key for w in ws)
            if len(ws) == 1 and given_name(ws[0].text):
                continue
            phrase = self.phrases.get(key)
            if phrase is None:
                phrase = self.phrases[key] = Phrase(key, words=[Counter() for _ in ws])
            phrase.surfaces[ru_text[a:b]] += 1
            for counter, w in zip(phrase.words, ws):
                counter[w.text] += 1
            if key in seen:
                continue
            seen.add(key)
            self.phrase_units[key].append(unit)
            for hanzi in self._palladius_matches(ws, zh_text):
                self.palladius[(key, hanzi)] += 1
                self.unit_zh[unit].setdefault(hanzi, zh_text.index(hanzi))

    def _transliterated(self, z: str) -> bool:
        return all(c in self.translit.chars or c in NAME_JOINERS for c in z)

    def _may_render(self, key: tuple[str, ...], z: str) -> bool:
        """Whether a transliteration can render the RU phrase: a foreign
        name (not a phrase of ordinary words: ``Элитный``), with no more
        parts than the phrase has words (``Пейлин`` is not 特里格·佩林),
        and sounding like it: otherwise it is another name of the same
        story (``Маркс`` beside 霍莉·威洛比)."""
        phrase = self.phrases[key]
        if all(_common_parse(c.most_common(1)[0][0]) is not None and _proper_parse(c.most_common(1)[0][0]) is None
               for c in phrase.words):
            return False
        if len([p for p in re.split(f"[{NAME_JOINERS}]", z) if p]) > len(key):
            return False
        return self._sounds_like(key, z)

    def _sounds_like(self, key: tuple[str, ...], z: str) -> bool:
        """Whether the last part of a transliterated name sounds like the
        last word of the RU phrase (read through Palladius).  Without the
        Palladius table nothing is ruled out."""
        found = self._palladius_table()
        if not found:
            return True
        palladius, table = found
        last = re.split(f"[{NAME_JOINERS}]", z)[-1]
        if not last:
            return False
        cache_key = ("reading", last)
        reading = self._reading_cache.get(cache_key)
        if reading is None:
            reading = self._reading_cache[cache_key] = palladius.hanzi_to_palladius(last, table)
        word = self.phrases[key].words[-1].most_common(1)[0][0]
        return sounds_alike(_stem(_norm(word)) if _norm(word) != key[-1] else word, reading) >= 0.6

    def location(self, unit: int, zh: str) -> Location:
        a = self.unit_zh[unit][zh]
        return self.unit_side[unit].location(a, a + len(zh))

    # Ranking ------------------------------------------------------------

    def _best(self, key: tuple[str, ...], min_count: int, within: str | None = None) -> Evidence | None:
        """The ZH string that goes best with the phrase ``key``; with
        ``within``, only strings that contain it."""
        units = self.phrase_units[key]
        together: Counter[str] = Counter()
        for u in units:
            together.update(self.unit_zh[u].keys())
        scored = []
        for z, c in together.items():
            if within is not None and (within not in z or within == z):
                continue
            if z[0] in self.edge_chars or z[-1] in self.edge_chars:
                continue
            pall = self.palladius.get((key, z), 0)
            if c < min_count and not pall:
                continue
            zc = max(self.zh_count[z], pall)
            dice = 2 * c / (len(units) + zc)
            if not pall and self._transliterated(z) and not self._may_render(key, z):
                continue
            if not pall and z not in self.whole and (c < min_count + 1 or dice < 0.6):
                # Any Han string is a candidate: one that is no
                # transliterated name needs more evidence than chance
                # gives two segments (手机上 for Роулетт).
                continue
            scored.append((z, c, zc, dice, bool(pall)))
        if not scored:
            return None
        top = max(d for _, _, _, d, _ in scored)
        good = [t for t in scored if t[3] >= 0.75 * top]
        marked = [t for t in good if t[4]]
        whole = [t for t in good if t[0] in self.whole]
        if marked:
            z, c, zc, dice, pall = max(marked, key=lambda t: (t[3], len(t[0])))
        elif whole:
            # A whole transliterated name beats a piece of one (西弗吉尼亚
            # over 吉尼亚, which its misspellings share too), and is
            # extended by what always goes with it (法尼亚 → 宾夕法尼亚:
            # 宾夕 are no transliteration characters; 莱德 → 莱德杯).
            z, c, zc, dice, pall = max(whole, key=lambda t: (t[3], len(t[0])))
            longer = [t for t in good if z in t[0] and t[3] >= 0.9 * dice]
            z, c, zc, dice, pall = max(longer, key=lambda t: (len(t[0]), t[3]))
        else:
            z, c, zc, dice, pall = max(good, key=lambda t: (t[3], len(t[0])))
        if dice < 0.5 and not pall:
            return None
        ru = self.dictionary_form(key)
        if pall:
            # The Palladius reading is the name's dictionary form
            # (Шэньчжэня → Шэньчжэнь), which the stem alone cannot give.
            palladius, table = self._palladius_table()
            ru = palladius.hanzi_to_palladius(z, table, person=len(key) >= 2)
        return Evidence(ru, z, c, len(units), zc, dice, pall, key)

    def _also(self, key: tuple[str, ...], z: str) -> list[tuple[str, int]]:
        """Strings seen in the phrase's segments in place of ``z`` and one
        character off it: variants a pack may list as forbidden."""
        units = self.phrase_units[key]
        counts: Counter[str] = Counter()
        for u in units:
            if z not in self.unit_zh[u]:
                counts.update(o for o in self.unit_zh[u] if _near(z, o) and o in self.whole)
        return counts.most_common(3)

    def dictionary_form(self, key: tuple[str, ...]) -> str:
        """The phrase as a pack writes it: dictionary forms, adjectives
        agreeing with the last word (``Западная Вирджиния``)."""
        phrase = self.phrases[key]
        surfaces = [counter.most_common(1)[0][0] for counter in phrase.words]
        parses = [_proper_parse(w) for w in surfaces]
        head_gender = None
        if parses[-1] is not None:
            head_gender = next((g for g in ("masc", "femn", "neut") if g in parses[-1].tag.grammemes), None)
        out = []
        for i, (surface, k, parse) in enumerate(zip(surfaces, key, parses)):
            word = None
            if parse is not None:
                word = parse.normal_form
            elif i < len(surfaces) - 1:
                word = _adjective_nominative(surface, head_gender)
            if word is None:
                word = self._nominative(k, surface)
            out.append(_capitalised_like(surface, word))
        return " ".join(out)

    def _nominative(self, key: str, surface: str) -> str:
        """A name's nominative among the forms seen in the run: the key
        itself (``Уэст``), or with the soft sign, й or the ending -а/-я the
        stem lost (``Кромвель``, ``Кристина``); else the commonest form."""
        seen = self.word_surfaces.get(key) or Counter({surface: 1})
        if len(seen) == 1 and surface[-1:].lower() in "оуиюэ":
            return surface  # one form only, on a vowel: indeclinable (Палу, Кавано)
        by_norm = {_norm(s): s for s, _ in seen.most_common()}
        for guess in (key, key + "ь", key + "й", key + "а", key + "я", key + "ия"):
            if guess in by_norm:
                return by_norm[guess]
        common = _common_parse(surface)
        if common is not None:
            return common.normal_form
        if key[-1:] not in "аеёиоуыэюяьй" and _norm(surface) != key:
            return key  # a consonant stem is its own nominative (Райдера → Райдер)
        return seen.most_common(1)[0][0]

    def category(self, key: tuple[str, ...], zh: str) -> str:
        phrase = self.phrases[key]
        grammemes: set[str] = set()
        for counter in phrase.words:
            parse = _proper_parse(counter.most_common(1)[0][0])
            if parse is not None:
                grammemes |= set(parse.tag.grammemes)
        if {"Name", "Surn", "Patr"} & grammemes:
            return "name"
        if "Geox" in grammemes:
            return "place"
        if "Orgn" in grammemes:
            return "organization"
        if all(c in self.translit.chars or c in NAME_JOINERS for c in zh):
            return "name"
        return "term"

    def suggestions(self, min_count: int = 2, limit: int | None = None) -> list[Suggestion]:
        """Ranked suggestions: single words first decide their rendering;
        a phrase of several words is proposed only with a rendering that
        contains its last word's and says more than it."""
        palladius_keys = {k for k, _ in self.palladius}
        keys = [k for k, units in self.phrase_units.items() if len(units) >= min_count or k in palladius_keys]
        best: dict[tuple[str, ...], Evidence] = {}
        for key in sorted(keys, key=len):
            if len(key) == 1:
                ev = self._best(key, min_count)
            else:
                # With its last word's rendering inside, if that word has one.
                part = best.get(key[-1:])
                ev = self._best(key, min_count, within=part.zh if part else None)
            if ev is not None:
                best[key] = ev
        # A longer phrase rendered as its last words are adds nothing
        # (Кристина Блейси Форд as 布莱西·福特, like Блейси Форд).
        for key in sorted(best, key=len, reverse=True):
            if any(o != key and key[-len(o):] == o and best[o].zh == best[key].zh for o in best):
                del best[key]
        # One entry per name: the longest form first, then its last words
        # when their rendering lies inside its rendering (Юрий Ушаков
        # 尤里·乌沙科夫, Ушаков 乌沙科夫).
        order = sorted(best, key=lambda k: (-len(k), -best[k].score))
        used: set[tuple[str, ...]] = set()
        found = []
        for key in order:
            if key in used:
                continue
            used.add(key)
            evidence = [best[key]]
            for other in order:
                if other in used or len(other) >= len(key) or key[-len(other):] != other:
                    continue
                if best[other].zh in best[key].zh:
                    used.add(other)
                    evidence.append(best[other])
            main = evidence[0]
            units = self.phrase_units[key]
            where = next(
                (self.location(u, main.zh) for u in units if main.zh in self.unit_zh[u]), None
            )
            found.append(Suggestion(
                ru=list(dict.fromkeys(e.ru for e in evidence)),
                zh=list(dict.fromkeys(e.zh for e in evidence)),
                category=("name" if len(key) >= 2 else "place") if main.palladius else self.category(key, main.zh),
                evidence=evidence,
                where=where,
                also=_merge_counts(self._also(e.key, e.zh) for e in evidence),
            ))
        found.sort(key=lambda s: (-s.score, s.ru[0]))
        return found[:limit] if limit else found


#: Consonant classes for comparing a Russian name with the Cyrillic
#: reading of its Chinese transliteration: Chinese has no voicing
#: contrast, writes r and l alike, and spells every sibilant and
#: affricate with a handful of syllables.
_CLASSES = str.maketrans({
    "б": "p", "п": "p", "в": "f", "ф": "f", "г": "k", "к": "k", "х": "k",
    "д": "t", "т": "t", "ж": "s", "ш": "s", "щ": "s", "ч": "s", "ц": "s", "з": "s", "с": "s",
    "л": "l", "р": "l", "м": "m", "н": "n",
})
_DIGRAPHS = (("дж", "ж"), ("цз", "ц"), ("чж", "ж"), ("тс", "ц"))


def skeleton(word: str) -> str:
    """The consonant classes of a Cyrillic word, in order (``Кавано`` →
    ``kfn``); a word-initial у before a vowel is w (``Уэст``)."""
    w = _norm(word)
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    if len(w) > 1 and w[0] == "у" and w[1] in "аэеиоя":
        w = "в" + w[1:]
    return "".join(c for c in w.translate(_CLASSES) if c in "pfktslmn")


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def sounds_alike(ru: str, reading: str) -> float:
    """How much of two consonant skeletons agree (0 to 1)."""
    a, b = skeleton(ru), skeleton(reading)
    if not a or not b:
        return 0.0
    return _lcs(a, b) / max(len(a), len(b))


def _merge_counts(lists: Iterable[list[tuple[str, int]]]) -> list[tuple[str, int]]:
    total: Counter[str] = Counter()
    for items in lists:
        for text, n in items:
            total[text] += n
    return total.most_common(3)


def _sub(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _near(a: str, b: str) -> bool:
    from ruconsist.checks.consistency import edit_distance

    if len(a) < 2 or len(b) < 2 or a in b or b in a:
        return False
    return edit_distance(a, b, 1) <= 1 and len(a) == len(b)


def _capitalised_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _adjective_nominative(surface: str, gender: str | None) -> str | None:
    from ruconsist import morph

    for p in morph.analyzer().parse(surface):
        if p.tag.POS == "ADJF":
            want = {"nomn", "sing"} | ({gender} if gender else set())
            inflected = p.inflect(want)
            if inflected is not None:
                return inflected.word
    return None


# ---------------------------------------------------------------------------
# Output


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w]+", "-", text.lower().replace("ё", "е")).strip("-") or "term"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _flow(items: Iterable[str]) -> str:
    import yaml

    return yaml.safe_dump(list(items), allow_unicode=True, default_flow_style=True, width=10_000).strip()


def to_yaml(suggestions: list[Suggestion], *, units: int, pairs: int, taken: Iterable[str] = ()) -> str:
    """The suggestions as a ``terms:`` list ready to paste into a pack."""
    ids = set(taken)
    lines = [
        f"# Suggested by `ruconsist terms suggest` from {units} aligned segments"
        f" with names ({pairs} file pair{'s' if pairs != 1 else ''}), best evidence first.",
        "# Review every entry: a pair that recurs together is not always a translation.",
        "terms:",
    ]
    if not suggestions:
        lines[-1] = "terms: []"
    for s in suggestions:
        lines.append(f"  - id: {_slug(s.ru[0], ids)}")
        lines.append(f"    category: {s.category}")
        lines.append(f"    ru: {_flow(s.ru)}")
        lines.append(f"    zh: {_flow(s.zh)}")
        for e in s.evidence:
            lines.append(f"    # {e.text()}")
        if s.also:
            lines.append("    # also seen in its place: " + ", ".join(f"{o} ×{n}" for o, n in s.also))
        if s.where is not None:
            lines.append(f"    # e.g. {s.where.short()}")
    return "\n".join(lines) + "\n"
