#!/usr/bin/env python3
"""Generate ``rules/derived.yaml``: the Russian adjectives and demonyms
of the shipped packs' countries, capitals and other places that the
packs do not list.

Russian translation names a place by its adjective as often as by its
name (уханьский рынок ↔ 武汉的市场, исландский вулкан ↔ 冰岛的火山).  For
every place term whose Russian name is one word and whose forms hold no
adjective yet, the script derives candidates by the usual suffixes
(-ия → -ийский/-ский, -ь → -ьский/-ский, -а → -ский/-инский, a consonant
→ +ский) and keeps the first one pymorphy3 knows as an adjective.  A
Chinese place name (a Palladius transliteration) takes the plain
derivation even when the dictionary lacks it (шэньчжэньский,
гуандунский): that is how Russian forms them.  The inhabitant noun
(лаосцы ↔ 老挝人, кенийцы ↔ 肯尼亚人) is derived from the adjective
(-ийский → -иец, -ский → -ец, -цкий → -ц) where the term names none,
and kept only where pymorphy3 knows it as an animate noun.

The term matcher reads these as ``accept`` forms of their term (they
count as a counterpart, never require one), inflects them like any pack
word, and also reads each adjective's compound form (российско-,
турецко-) inside hyphenated adjectives (российско-турецкий).  A user's
pack declares the same in a term's ``accept`` list.

    python scripts/gen_derived.py          # rewrite rules/derived.yaml
    python scripts/gen_derived.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "rules" / "derived.yaml"
SOURCES = ("countries", "places")
ADJ_ENDINGS = ("ский", "цкий", "ской", "ный", "ний")


def candidates(name: str) -> list[str]:
    n = name.lower().replace("ё", "е")
    if n.endswith("ия"):
        return [n[:-2] + "ийский", n[:-2] + "ский", n[:-1] + "йский"]
    if n.endswith("ь"):
        return [n[:-1] + "ский", n + "ский"]
    if n.endswith(("а", "я")):
        return [n[:-1] + "ский", n[:-1] + "инский", n[:-1] + "ийский"]
    if n[-1:] in "ыиоуеэю":
        return []
    return [n + "ский", n + "ийский", n + "ьский"]


def plain(name: str) -> str | None:
    n = name.lower()
    if n.endswith("ь"):
        return n + "ский"
    if n[-1:] in "аяыиоуеэюй":
        return None
    return n + "ский"


def derive(term: dict, morph) -> str | None:  # type: ignore[no-untyped-def]
    forms = [f for f in term.get("ru") or () if isinstance(f, str)]
    accept = (term.get("accept") or {}).get("ru") or ()
    words = [w.lower() for f in (*forms, *accept) for w in f.split()]
    if any(w.endswith(ADJ_ENDINGS) for w in words):
        return None
    single = [f for f in forms if " " not in f and "-" not in f and not f.isupper() and f[:1].isupper()]
    if not single:
        return None
    name = single[0]
    for cand in candidates(name):
        if morph.word_is_known(cand) and any(p.tag.POS == "ADJF" and p.normal_form == cand for p in morph.parse(cand)):
            return cand
    if "Palladius" in str(term.get("source") or ""):
        return plain(name)
    return None


DEMONYM_TAGS = {"NOUN", "anim"}
#: Nouns the suffix rule reaches that the dictionary knows but that do
#: not name the place's people: a church member (англиканец), a river or
#: a Cossack (донец), and cities whose people are -ич, -як or -чанин
#: (омич, томич, сибиряк, мурманчанин, хабаровчанин).
NOT_DEMONYMS = frozenset({"англиканец", "донец", "омец", "томец", "сибирец", "мурманец", "хабаровец", "тихоокеанец"})


def _demonym_known(word: str, morph) -> bool:  # type: ignore[no-untyped-def]
    return bool(morph.word_is_known(word)) and any(
        DEMONYM_TAGS <= set(p.tag.grammemes) and p.normal_form == word and "Geox" not in p.tag.grammemes
        for p in morph.parse(word)
    )


def demonym_candidates(adjective: str) -> list[str]:
    """лаосский → лаосец, кенийский → кениец, итальянский → итальянец,
    немецкий → немец."""
    a = adjective.lower()
    if a.endswith("ийский"):
        return [a[:-5] + "иец"]
    if a.endswith("ский"):
        return [a[:-4] + "ец"]
    if a.endswith("цкий"):
        return [a[:-3]]
    return []


def demonym(term: dict, adjective: str | None, morph) -> str | None:  # type: ignore[no-untyped-def]
    """The inhabitant noun of a place (лаосец, кениец) when the term's
    forms name none: checked against pymorphy3 as an animate noun."""
    forms = [f for f in term.get("ru") or () if isinstance(f, str)]
    accept = [f for f in (term.get("accept") or {}).get("ru") or () if isinstance(f, str)]
    if any(" " not in f and _demonym_known(f.lower().replace("ё", "е"), morph) for f in (*forms, *accept)):
        return None
    adjectives = [adjective] if adjective else []
    adjectives += [f for f in accept if " " not in f and f.lower().endswith(ADJ_ENDINGS)]
    for adj in adjectives:
        for cand in demonym_candidates(adj):
            if cand not in NOT_DEMONYMS and _demonym_known(cand, morph):
                return cand
    return None


def table() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from ruconsist import morph

    analyzer = morph.analyzer()
    out: dict[str, list[str]] = {}
    for name in SOURCES:
        data = yaml.safe_load((ROOT / "rules" / f"{name}.yaml").read_text(encoding="utf-8")) or {}
        for term in data.get("terms") or ():
            if term.get("category") != "place" or str(term.get("id", "")).startswith("currency-"):
                continue
            adj = derive(term, analyzer)
            forms = [f for f in (adj, demonym(term, adj, analyzer)) if f]
            if forms:
                out[term["id"]] = forms
    return dict(sorted(out.items()))


def render(derived: dict[str, list[str]]) -> str:
    lines = [
        "# GENERATED FILE: do not edit by hand.",
        "# Made by scripts/gen_derived.py from the place terms of rules/countries.yaml",
        "# and rules/places.yaml, checked against pymorphy3's dictionary.",
        "version: 1",
        "pack: derived",
        "description: >-",
        "  Russian adjectives and demonyms of the packs' places (уханьский,",
        "  исландский, лаосец), read as stand-ins for the place by the term checks.",
        "source: derived by suffix rules, kept where pymorphy3 knows the adjective or noun",
        "license: CC0-1.0",
        "vocab:",
        "  entities:",
        "    derived:",
    ]
    lines += [f"      {tid}: [{', '.join(forms)}]" for tid, forms in derived.items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    from generated import write_or_check

    derived = table()
    return write_or_check(__doc__.split("\n\n")[0], OUTPUT, render(derived), f"{len(derived)} places")


if __name__ == "__main__":
    sys.exit(main())
