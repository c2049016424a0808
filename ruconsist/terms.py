"""Find the terms of the loaded rule packs in RU and ZH text.

RU: every pack form is split into words and each word expanded once into
its inflected forms (:mod:`ruconsist.morph`); text is tokenised and looked
up word by word, so ``Си Цзиньпином`` and ``Владимиру Путину`` match
their dictionary forms without analysing running text.

ZH: forms are plain substrings, matched leftmost-longest in one pass
(``弗拉基米尔·普京`` is one mention, not also ``普京``).

Primary and forbidden forms are resolved leftmost-longest together, so a
longer name shadows a shorter one inside it.  ``accept`` forms are only
looked for when a term needs a counterpart, and count wherever they
stand except inside a longer mention of another term (``华`` inside
``华盛顿`` does not stand for China).
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import regex

from ruconsist.lang.han import is_han
from ruconsist.morph import _norm as _morph_norm
from ruconsist.morph import norm_text as _norm_text
from ruconsist.multisearch import Literals
from ruconsist.packtypes import Term

if TYPE_CHECKING:
    from ruconsist.rules import RuleSet

#: Words: letters and digits, hyphenated compounds kept whole
#: (``80-летия``, ``СНВ-3``, ``Азиатско-Тихоокеанского``).
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*")
#: What may stand between the words of one multi-word RU mention.
GAP = regex.compile(r"^[ \t\u00a0\u202f\u2009]+$|^\s*\n?\s*$")
LATIN_EDGE = regex.compile(r"[A-Za-z0-9]")
_LATIN_OR_DIGIT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789").__contains__

PRIMARY = "primary"
FORBIDDEN = "forbidden"
ACCEPT = "accept"
#: Longer words that contain a form without being a mention (发展中国家
#: holds 中国): matched so that they shadow the form, then dropped.
EXCEPT = "except"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    role: str
    terms: tuple[str, ...]


class _Entry(NamedTuple):
    """One form of a term in the Russian index.  A named tuple: the
    matcher is loaded from the cache on every run, and tuples unpickle
    several times faster than dataclass instances."""

    term: str
    role: str
    #: Per word, its forms (normalised); sorted tuples rather than sets,
    #: which take four times the memory and are looked into only after
    #: the first word matched.
    words: tuple[tuple[str, ...], ...]
    #: Per word: 0 any case, 1 capitalised, 2 all capitals (ВОЗ, МОТ).
    caps: tuple[int, ...]
    exact: tuple[str, ...] | None


def _caps(word: str) -> int:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return 2
    return 1 if word[:1].isupper() else 0


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


@functools.lru_cache(maxsize=64)
def _tokens_and_norms(text: str) -> tuple[array[int], array[int], tuple[str, ...]]:
    """Where the words of ``text`` start and end, and their normal forms.
    Kept for the last texts: one bead's Russian side is searched by half
    a dozen indexes (terms, stand-ins, exceptions, titles of office), and
    each read it word by word.  Offsets, not a (start, end, word) tuple a
    word: a long line has tens of thousands (each word is sliced from the
    text when an entry's first word matches)."""
    starts, ends = array("q"), array("q")
    for m in WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    # The text normalised once and cut at the words, where that gives
    # each word's own normal form (nearly always); else word by word.
    whole = _norm_text(text)
    if whole is not None:
        return starts, ends, tuple(whole[a:b] for a, b in zip(starts, ends))
    return starts, ends, tuple(_morph_norm(text[a:b]) for a, b in zip(starts, ends))


def _norm(word: str) -> str:
    return _morph_norm(word)


class RuIndex:
    """Token-to-term index for Russian forms.

    ``first`` maps each form of an entry's first word to the entry, or to
    a tuple of entries when several share it: with 10,000 names the index
    has 200,000 keys, most of them with a single entry."""

    def __init__(self, entries: Iterable[tuple[Term, str, str]]) -> None:
        from ruconsist import morph

        first: dict[str, list[_Entry]] = defaultdict(list)
        # One tuple per set of forms, shared by every entry that has it.
        shared: dict[frozenset[str], tuple[str, ...]] = {}
        for term, role, form in entries:
            words = [w for _, _, w in tokenize(form)]
            if not words:
                continue
            if term.case == "exact":
                entry = _Entry(
                    term.id,
                    role,
                    tuple((_norm(w),) for w in words),
                    tuple(0 for _ in words),
                    tuple(words),
                )
            else:
                forms = [morph.word_forms(w) for w in words]
                entry = _Entry(
                    term.id,
                    role,
                    tuple(shared.setdefault(f, tuple(sorted(f))) for f in forms),
                    tuple(_caps(w) if term.case != "ignore" else 0 for w in words),
                    None,
                )
            for surface in entry.words[0]:
                first[surface].append(entry)
        self.first: dict[str, _Entry | tuple[_Entry, ...]] = {
            k: v[0] if len(v) == 1 else tuple(v) for k, v in first.items()
        }

    def find(self, text: str, resolve: bool = True, roles: frozenset[str] | None = None) -> list[Mention]:
        """Mentions of the entries (of ``roles`` only, if given)."""
        # Each token is normalised once, not once per entry or index it
        # is tried in.
        starts, ends, norms = _tokens_and_norms(text)
        first = self.first
        found: list[tuple[int, int, str, str]] = []
        # Most texts hold no first word of any entry of a given index (the
        # exceptions, the titles of office): one set look-up says so.
        if first.keys().isdisjoint(norms):
            return []
        for i, norm in enumerate(norms):
            entries = first.get(norm)
            if entries is None:
                continue
            if type(entries) is _Entry:
                entries = (entries,)
            for entry in entries:
                if roles is not None and entry.role not in roles:
                    continue
                n = len(entry.words)
                if i + n > len(norms):
                    continue
                ok = True
                for k in range(n):
                    a, b = starts[i + k], ends[i + k]
                    w = text[a:b]
                    if entry.exact is not None:
                        if w != entry.exact[k]:
                            ok = False
                            break
                    elif (k and norms[i + k] not in entry.words[k]) or (
                        entry.caps[k] == 1 and not w[:1].isupper()
                    ) or (entry.caps[k] == 2 and not w.isupper()):
                        ok = False
                        break
                    if k and not GAP.match(text[ends[i + k - 1] : a]):
                        ok = False
                        break
                if ok:
                    found.append((starts[i], ends[i + n - 1], entry.role, entry.term))
        if not resolve:
            return [Mention(a, b, text[a:b], role, (t,)) for a, b, role, t in found]
        return _resolve(text, found)


#: Words of transliteration characters that, right after a name, are
#: the word that follows it: the preposition 于 (於 in Traditional text)
#: of 特朗普于周三表示, 普丁於民國115年; the parts of a country (哥伦比亚西南部,
#: 加蓬南部, 乌拉圭东北); its home affairs (乌拉圭内政部长); words of its
#: coasts, army, navy, customs, laws, mainland and civil war (爱尔兰海啸 is
#: Ireland's tsunami, 爱尔兰法规 its regulations, 乌拉圭陆军 its army); the
#: verbs of putting forward and raising (卢旺达提请, 卢旺达提出).
_AFTER_NAME = (
    "于", "西南", "东南", "西北", "东北", "西部", "东部", "南部", "北部", "中部", "内政",
    "海啸", "海军", "海关", "海岸", "海域", "海外", "法律", "法规", "法院", "法案",
    "陆军", "本土", "西海岸", "东海岸", "内地", "内战", "提请", "提出", "提高",
)
#: A transliterated name of this many characters or more is the whole
#: name: 萨马拉 runs on into 萨马拉斯 (Samaras), but 哥伦比亚 before 南端,
#: 格林纳达 before 美容 are the countries (the longest match already takes
#: a longer name of the packs, 哥伦比亚特区).
_WHOLE_NAME = 4


def _breaks_edge(edge: tuple[bool, bool], text: str, i: int, j: int) -> bool:
    """Whether a form with a Latin letter or digit at its start or end
    (``edge``) continues a Latin word or number at ``text[i:j]``."""
    return (edge[0] and i > 0 and _LATIN_OR_DIGIT(text[i - 1])) or (
        edge[1] and j < len(text) and _LATIN_OR_DIGIT(text[j])
    )


class ZhIndex:
    """All Chinese forms, matched leftmost-longest.

    The text is scanned once: at each character, the forms that start
    with it are tried longest first by dictionary look-up, so the cost
    does not grow with the number of forms (one regex alternation of
    10,000 names tried every alternative at every character).  A form
    that begins or ends with a Latin letter or digit must not continue a
    Latin word or number (``G20`` is not inside ``G200``).

    A two-character form written in transliteration characters (米莱,
    塞西) is a name only where the run of such characters ends: inside
    米莱斯 (Millais) or 塞西尔 (Cecil) it is part of another name."""

    def __init__(self, entries: Iterable[tuple[Term, str, str]], translit: frozenset[str] = frozenset()) -> None:
        self.translit = translit
        by_form: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for term, role, form in entries:
            by_form[form].append((role, term.id))
        self.by_form: dict[str, tuple[tuple[str, str], ...]] = {k: tuple(v) for k, v in by_form.items()}
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        parts = []
        for f in forms:
            p = regex.escape(f)
            if LATIN_EDGE.match(f[:1]):
                p = r"(?<![A-Za-z0-9])" + p
            if LATIN_EDGE.match(f[-1:]):
                p = p + r"(?![A-Za-z0-9])"
            parts.append(p)
        self.source = "|".join(parts)
        self._pattern: regex.Pattern[str] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"by_form": self.by_form, "source": self.source, "translit": self.translit}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.by_form = state["by_form"]  # type: ignore[assignment]
        self.source = state["source"]  # type: ignore[assignment]
        self.translit = state.get("translit", frozenset())  # type: ignore[assignment]
        self._pattern = None

    def _inside_name(self, text: str, start: int, end: int) -> bool:
        t = self.translit
        if end - start < 2 or end - start >= _WHOLE_NAME or not t or not all(c in t for c in text[start:end]):
            return False
        if end - start == 2 and start > 0 and text[start - 1] in t:
            return True
        # A name written in transliteration characters that runs on into
        # one or two more (萨马拉 in 萨马拉斯, Samaras; 乍得 in 乍得沙赫) is
        # part of a longer name, unless what follows is a name itself.
        if text.startswith(_AFTER_NAME, end):
            return False
        run = end
        while run < len(text) and text[run] in t and run - end < 3:
            run += 1
        if run == end or (end - start > 2 and run - end > 2):
            return False
        first = self._table().get(text[end], ())
        return not any(text[end : end + n] in self.by_form for n in first)

    def _table(self) -> dict[str, tuple[int, ...]]:
        """First character -> lengths of the forms that start with it,
        longest first."""
        table = self.__dict__.get("_first")
        if table is None:
            lengths: dict[str, set[int]] = defaultdict(set)
            edges: dict[str, tuple[bool, bool]] = {}
            for f in self.by_form:
                lengths[f[0]].add(len(f))
                head, tail = bool(LATIN_EDGE.match(f[:1])), bool(LATIN_EDGE.match(f[-1:]))
                if head or tail:
                    edges[f] = (head, tail)
            table = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
            self.__dict__["_edges"] = edges
            self.__dict__["_first"] = table
        return table  # type: ignore[no-any-return]

    def _scan(self, text: str, overlapped: bool) -> list[tuple[int, str]]:
        """(start, form) of the longest form at each match start: the
        leftmost-longest mentions, or with ``overlapped`` the longest at
        every start."""
        literals = self.__dict__.get("_literals")
        if literals is None:
            literals = self.__dict__["_literals"] = Literals(self.by_form)
        if literals.native:
            return self._pick(text, literals.spans(text), overlapped)
        first = self._table()
        edges: dict[str, tuple[bool, bool]] = self.__dict__["_edges"]
        by_form = self.by_form
        out: list[tuple[int, str]] = []
        n = len(text)
        i = 0
        while i < n:
            lengths = first.get(text[i])
            if lengths is not None:
                for length in lengths:
                    j = i + length
                    if j > n:
                        continue
                    form = text[i:j]
                    if form not in by_form:
                        continue
                    if form in edges and _breaks_edge(edges[form], text, i, j):
                        continue
                    out.append((i, form))
                    if not overlapped:
                        i = j - 1
                    break
            i += 1
        return out

    def _pick(self, text: str, spans: list[tuple[int, int]], overlapped: bool) -> list[tuple[int, str]]:
        """What :meth:`_scan` finds, from every occurrence of every form:
        at each start the longest form that keeps to the Latin edges,
        and without ``overlapped`` the next start after its end."""
        if not spans:
            return []
        self._table()
        edges: dict[str, tuple[bool, bool]] = self.__dict__["_edges"]
        ends: dict[int, list[int]] = defaultdict(list)
        for a, b in spans:
            ends[a].append(b)
        out: list[tuple[int, str]] = []
        after = 0
        for i in sorted(ends):
            if i < after:
                continue
            for j in sorted(ends[i], reverse=True):
                form = text[i:j]
                if form in edges and _breaks_edge(edges[form], text, i, j):
                    continue
                out.append((i, form))
                if not overlapped:
                    after = j
                break
        return out

    def _matches(self, text: str, overlapped: bool) -> list[tuple[int, str]]:
        if "" in self.by_form:
            # An empty form matches everywhere; keep the regex's reading.
            if self._pattern is None:
                self._pattern = regex.compile(self.source)
            return [(m.start(), m.group()) for m in self._pattern.finditer(text, overlapped=overlapped)]
        return self._scan(text, overlapped)

    def find(self, text: str, resolve: bool = True) -> list[Mention]:
        if not self.source:
            return []
        if not resolve:
            return self._find_all(text)
        out = []
        for start, form in self._matches(text, False):
            end = start + len(form)
            pairs = self.by_form[form]
            if all(r == EXCEPT for r, _ in pairs):
                continue
            if self._inside_name(text, start, end):
                continue
            pairs = [p for p in pairs if p[0] != EXCEPT]
            role = FORBIDDEN if any(r == FORBIDDEN for r, _ in pairs) else PRIMARY
            ids = tuple(dict.fromkeys(t for r, t in pairs if r == role))
            out.append(Mention(start, end, form, role, ids))
        return out

    def _find_all(self, text: str) -> list[Mention]:
        """Every occurrence of every form, overlaps included."""
        out = []
        for start, longest in self._matches(text, True):
            # At each start the scan gives the longest form; the shorter
            # forms starting there are its prefixes.
            for form in (longest, *self._prefixes(longest)):
                for role, tid in self.by_form[form]:
                    out.append(Mention(start, start + len(form), form, role, (tid,)))
        return out

    def _prefixes(self, form: str) -> list[str]:
        cache = self.__dict__.setdefault("_prefix_cache", {})
        if form not in cache:
            cache[form] = [form[:k] for k in range(len(form) - 1, 0, -1) if form[:k] in self.by_form]
        return cache[form]  # type: ignore[no-any-return]


def _resolve(text: str, found: list[tuple[int, int, str, str]]) -> list[Mention]:
    """Leftmost-longest, keeping every term that matched the same span."""
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Mention] = []
    pos = -1
    i = 0
    while i < len(found):
        start, end, _, _ = found[i]
        j = i
        group = []
        while j < len(found) and found[j][0] == start and found[j][1] == end:
            group.append(found[j])
            j += 1
        if start >= pos:
            pos = end
            group = [g for g in group if g[2] != EXCEPT]
            if group:
                role = FORBIDDEN if any(g[2] == FORBIDDEN for g in group) else PRIMARY
                ids = tuple(dict.fromkeys(g[3] for g in group if g[2] == role))
                out.append(Mention(start, end, text[start:end], role, ids))
        i = j
    return out


class _Search:
    """One search of a Russian index shared by several: only its entries
    of ``roles``."""

    def __init__(self, index: RuIndex, roles: frozenset[str]) -> None:
        self.index = index
        self.roles = roles

    def find(self, text: str, resolve: bool = True) -> list[Mention]:
        return self.index.find(text, resolve, self.roles)


class TermMatcher:
    """All terms of a rule set, ready to search."""

    def __init__(
        self,
        terms: Sequence[Term],
        translit: frozenset[str] = frozenset(),
        traditional: dict[int, str] | None = None,
        derived: dict[str, tuple[str, ...]] | None = None,
        combining: dict[str, str] | None = None,
        zh_words: Sequence[str] = (),
        titles: Sequence[str] = (),
    ) -> None:
        self.terms = {t.id: t for t in terms}
        #: Every form of the titles that stand capitalised before a name
        #: (Президент, Госсекретарю): not a given name.
        self.title_words = frozenset(f for w in titles for f in _title_forms(w))
        #: Traditional characters read as simplified (中國 as 中国): one
        #: character for one, so positions do not move.
        self.traditional = traditional or {}
        ru_entries = []
        zh_entries = []
        for t in terms:
            ru_entries += [(t, PRIMARY, f) for f in t.ru]
            ru_entries += [(t, FORBIDDEN, f) for f in (*t.forbidden_ru, *t.variant_ru)]
            ru_entries += [(t, EXCEPT, f) for f in t.except_ru]
            zh_entries += [(t, PRIMARY, f) for f in t.zh]
            zh_entries += [(t, FORBIDDEN, f) for f in (*t.forbidden_zh, *t.variant_zh)]
            zh_entries += [(t, EXCEPT, f) for f in t.except_zh]
        # Everything that can stand for a term on the other side: its
        # primary forms and its ``accept`` forms, searched with overlaps.
        # In Russian one index serves both searches (each takes the roles
        # it needs): the inflected forms are most of the matcher's memory.
        derived = derived or {}
        ru_accept = [(t, ACCEPT, f) for t in terms for f in (*t.accept_ru, *derived.get(t.id, ()))]
        self.combining = _combining_forms(terms, derived, combining or {})
        self._zh_words = ZhIndex([(_WORD_TERM, PRIMARY, w) for w in zh_words])
        ru_index = RuIndex(ru_entries + ru_accept)
        self._index: dict[str, _Search | ZhIndex] = {
            "ru": _Search(ru_index, frozenset({PRIMARY, FORBIDDEN, EXCEPT})),
            "zh": ZhIndex(zh_entries, translit),
        }
        self._satisfy: dict[str, _Search | ZhIndex] = {
            "ru": _Search(ru_index, frozenset({PRIMARY, ACCEPT})),
            "zh": ZhIndex(
                [(t, PRIMARY, f) for t in terms for f in t.zh] + [(t, ACCEPT, f) for t in terms for f in t.accept_zh]
            ),
        }

        self._except: dict[str, RuIndex | ZhIndex] = {}
        for lang in ("ru", "zh"):
            entries = [(t, PRIMARY, f) for t in terms for f in (t.except_ru if lang == "ru" else t.except_zh)]
            self._except[lang] = RuIndex(entries) if lang == "ru" else ZhIndex(entries)

    def __getstate__(self) -> dict[str, object]:
        # The terms are the rule set's own: :func:`matcher_for` links them
        # again, rather than the cache holding a second copy of them.
        return {k: v for k, v in self.__dict__.items() if k not in ("terms", "_inside")}

    def stand_ins(self, text: str, lang: str) -> list[Mention]:
        """Every primary or accept mention in ``text``, overlaps kept,
        except those inside an ``except`` word (中国 in 发展中国家)."""
        if lang == "zh" and self.traditional:
            text = text.translate(self.traditional)
        found = self._satisfy[lang].find(text, resolve=False)
        if lang == "ru" and self.combining and "-" in text:
            found += self._compound_parts(text)
        if lang == "zh" and _DECORATION.search(text):
            found += self._undecorated(text)
        blocked = [(m.start, m.end) for m in self._except[lang].find(text, resolve=False)]
        if not blocked:
            return found
        return [m for m in found if not any(a <= m.start and m.end <= b for a, b in blocked)]

    def _undecorated(self, text: str) -> list[Mention]:
        """Names that quotation marks split (美国“国防部” for 美国国防部):
        found in the text without its quotation marks, at their place in
        the text as written."""
        keep = [i for i, c in enumerate(text) if not _DECORATION.match(c)]
        bare = "".join(text[i] for i in keep)
        out = []
        for m in self._satisfy["zh"].find(bare, resolve=False):
            a, b = keep[m.start], keep[m.end - 1] + 1
            if b - a > m.end - m.start:
                out.append(Mention(a, b, text[a:b], m.role, m.terms))
        return out

    def _compound_parts(self, text: str) -> list[Mention]:
        """The places inside a hyphenated adjective: российско-турецкий
        names Russia and Turkey, мексиканско-американский Mexico and the
        USA.  Every part but the last is a compound form (российско,
        американо); the last is an adjective of the packs."""
        out: list[Mention] = []
        for start, _end, word in tokenize(text):
            if "-" not in word:
                continue
            parts = word.split("-")
            pos = start
            for i, part in enumerate(parts):
                if i < len(parts) - 1:
                    ids = self.combining.get(_norm(part))
                    if ids:
                        out.append(Mention(pos, pos + len(part), part, ACCEPT, ids))
                elif len(parts) > 1:
                    out += [
                        Mention(pos + m.start, pos + m.end, m.text, m.role, m.terms)
                        for m in self._satisfy["ru"].find(part, resolve=False)
                    ]
                pos += len(part) + 1
        return out

    def accept_spans(self, text: str, lang: str) -> list[tuple[int, int]]:
        """Spans of every term's ``accept`` forms: ``俄罗斯总统`` stands
        for a person, so the ``俄罗斯`` inside it needs no counterpart of
        its own."""
        return [(m.start, m.end) for m in self.stand_ins(text, lang) if m.role == ACCEPT]

    def find(self, text: str, lang: str) -> list[Mention]:
        if lang != "zh":
            return self._index[lang].find(text)
        folded = text.translate(self.traditional) if self.traditional else text
        found = self._index[lang].find(folded)
        if folded != text:
            found = [_unfolded(m, text) for m in found]
        words = [(m.start, m.end) for m in self._zh_words.find(folded, resolve=False)] if found else []
        if words:
            # A common word or another name across the mention's edge or
            # around it (添加元素 around 加元): not a mention.
            found = [
                m for m in found
                if not any(a < m.end and m.start < b and (a, b) != (m.start, m.end) for a, b in words)
            ]
        return found

    def names_inside(self, outer: str, inner: str) -> bool:
        """Whether ``outer``'s name contains ``inner``'s in both languages
        (美国疾控中心 / Центры … США both hold the USA), so that a mention
        of ``inner`` inside ``outer`` still counts (白俄罗斯 / Беларусь
        does not hold Russia)."""
        cache = self.__dict__.setdefault("_inside", {})
        key = (outer, inner)
        if key not in cache:
            u, t = self.terms[outer], self.terms[inner]
            zh = any(f in g for g in u.zh for f in t.zh)
            ru = any(f.lower() in g.lower() for g in u.ru for f in t.ru)
            cache[key] = zh and ru
        return cache[key]  # type: ignore[no-any-return]

    def accepted(
        self,
        term_id: str,
        lang: str,
        text: str,
        mentions: Sequence[Mention],
        stand_ins: Sequence[Mention] | None = None,
    ) -> Mention | None:
        """A mention of one of ``term_id``'s forms (primary or accept) in
        ``text`` that does not lie inside another term's mention."""
        if stand_ins is None:
            stand_ins = self.stand_ins(text, lang)
        for m in stand_ins:
            if term_id not in m.terms:
                continue
            inside_other = any(
                o.start <= m.start
                and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start)
                and term_id not in o.terms
                and not any(self.names_inside(u, term_id) for u in o.terms)
                for o in mentions
            )
            if not inside_other:
                return m
        return None


def _unfolded(m: Mention, text: str) -> Mention:
    """A mention found in folded text, with the text as written.  A
    variant the packs forbid in simplified text (义大利, Taiwan usage) is
    that place's usual name when written in traditional characters
    (義大利), so there it counts as the name."""
    written = text[m.start : m.end]
    role = PRIMARY if m.role == FORBIDDEN and written != m.text else m.role
    return Mention(m.start, m.end, written, role, m.terms)


#: Quotation marks that Chinese news puts around part of a name.
_DECORATION = regex.compile(r"[“”‘’\"「」『』]")

#: The term the general word list is indexed under (never reported).
_WORD_TERM = Term("(word)", "word", (), ())


def _combining_forms(
    terms: Sequence[Term], derived: dict[str, tuple[str, ...]], extra: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """Compound forms of the packs' adjectives (российский → российско,
    турецкий → турецко), and the irregular ones of ``extra``
    (американо → country-us): form -> term ids."""
    out: dict[str, list[str]] = defaultdict(list)
    for t in terms:
        for f in (*t.ru, *t.accept_ru, *derived.get(t.id, ())):
            w = _norm(f)
            if " " not in w and "-" not in w and w.endswith(("ский", "цкий")):
                out[w[:-2] + "о"].append(t.id)
    for form, tid in extra.items():
        out[_norm(form)].append(tid)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def entity_vocab(rules: RuleSet) -> tuple[dict[str, tuple[str, ...]], dict[str, str], tuple[str, ...]]:
    """``vocab: entities``: ``derived`` (term id -> Russian adjectives
    read as accept forms), ``combining`` (irregular compound forms ->
    term id) and ``zh_words`` (Chinese words that shadow names)."""
    derived: dict[str, list[str]] = defaultdict(list)
    combining: dict[str, str] = {}
    words: list[str] = []
    for _pack, node in rules.vocab("entities"):
        if not isinstance(node, dict):
            continue
        for tid, forms in (node.get("derived") or {}).items():
            derived[str(tid)] += [f for f in forms or () if isinstance(f, str)]
        for form, tid in (node.get("combining") or {}).items():
            combining[str(form)] = str(tid)
        words += [w for w in node.get("zh_words") or () if isinstance(w, str) and w]
    return {k: tuple(v) for k, v in derived.items()}, combining, tuple(words)


def _title_forms(word: str) -> frozenset[str]:
    from ruconsist import morph

    return morph.word_forms(_norm(word)) | {_norm(word)}


def title_words(rules: RuleSet) -> tuple[str, ...]:
    """``vocab: entities: titles_ru``: titles and forms of address that
    stand capitalised before a name without being part of it."""
    words: list[str] = []
    for _pack, node in rules.vocab("entities"):
        if isinstance(node, dict):
            words += [w for w in node.get("titles_ru") or () if isinstance(w, str) and w]
    return tuple(words)


def traditional_table(rules: RuleSet) -> dict[int, str]:
    """``vocab: entities: traditional``: pairs of a traditional character
    and its simplified form (``國国``), as a :meth:`str.translate` table."""
    table: dict[int, str] = {}
    for _pack, node in rules.vocab("entities"):
        if isinstance(node, dict) and isinstance(node.get("traditional"), str):
            for pair in node["traditional"].split():
                if len(pair) == 2:
                    table[ord(pair[0])] = pair[1]
    return table


def transliteration_chars(rules: RuleSet) -> frozenset[str]:
    chars: set[str] = set()
    for _pack, node in rules.vocab("transliteration"):
        if isinstance(node, dict) and isinstance(node.get("chars"), str):
            chars.update(c for c in node["chars"] if not c.isspace())
    return frozenset(chars)


def morph_file() -> str:
    from ruconsist import morph

    return morph.__file__


def matcher_for(rules: RuleSet) -> TermMatcher:
    """The rule set's matcher: built once per run, and stored on disk
    per pack content so that the next run skips the morphology.  (Asked
    for a dozen times per bead: it only looks the matcher up.)"""
    return rules.cached("terms.matcher", lambda: _build_matcher(rules))  # type: ignore[no-any-return]


def _build_matcher(rules: RuleSet) -> TermMatcher:
    from ruconsist import cache

    key = cache.key_for(rules.digest, cache.code_digest(__file__, morph_file()))
    matcher: TermMatcher = cache.cached(
        "terms",
        key,
        lambda: TermMatcher(
            rules.terms,
            transliteration_chars(rules),
            traditional_table(rules),
            *entity_vocab(rules),
            titles=title_words(rules),
        ),
        TermMatcher,
    )
    if not hasattr(matcher, "terms"):
        matcher.terms = {t.id: t for t in rules.terms}
    return matcher


def _institution_heads(rules: RuleSet) -> tuple[str, ...]:
    def build() -> tuple[str, ...]:
        heads: set[str] = set()
        for _pack, node in rules.vocab("entities"):
            if isinstance(node, dict):
                heads.update(h for h in node.get("institution_heads") or () if isinstance(h, str) and h)
        return tuple(sorted(heads, key=lambda h: (-len(h), h)))

    return rules.cached("terms.institution_heads", build)  # type: ignore[no-any-return]


def generic_stand_in(rules: RuleSet, term: Term, zh_text: str) -> tuple[int, int] | None:
    """Where ``zh_text`` describes a body of another kind with the key
    word of ``term``'s Chinese name: 安全机构 ("security agencies") for
    俄罗斯联邦安全会议 (the Security Council), 卫生部门 for 世界卫生组织.
    Only for organizations; the two characters before a name's head word
    are its key word."""
    if term.category != "organization":
        return None
    heads = _institution_heads(rules)
    own = (*term.zh, *term.accept_zh)
    for form in term.zh:
        head = next((h for h in heads if form.endswith(h)), None)
        if head is None or len(form) < len(head) + 2:
            continue
        key = form[-len(head) - 2 : -len(head)]
        if not all(is_han(c) for c in key):
            continue
        start = zh_text.find(key)
        while start >= 0:
            rest = zh_text[start + 2 :]
            other_head = next((h for h in heads if rest.startswith(h)), None)
            if other_head is not None and not head.startswith(other_head) and not other_head.startswith(head):
                found = key + other_head
                if not any(found in f for f in own):
                    return start, start + 2 + len(other_head)
            start = zh_text.find(key, start + 1)
    return None
