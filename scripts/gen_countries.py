#!/usr/bin/env python3
"""Generate ``rules/countries.yaml`` from CLDR (through babel) and a
hand-written overlay.

CLDR gives the Russian and Chinese display name of every territory and
currency, and the names Taiwan (``zh_Hant``) and Hong Kong
(``zh_Hant_HK``) use where they differ from the mainland's (紐西蘭 for
新西兰): those become the term's ``zh-TW`` and ``zh-HK`` forms.  It has no capitals, no official long names (РФ, КНР) and no
stand-ins (российский, 俄方): those come from
``scripts/countries_overlay.yaml``, merged here.  The output is
deterministic: run the script again with the same babel (same CLDR
version) and the file does not change; the test suite checks that.

Usage::

    python scripts/gen_countries.py            # rewrite rules/countries.yaml
    python scripts/gen_countries.py --check    # exit 1 if it is out of date
    python scripts/gen_countries.py -o FILE    # write elsewhere
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = Path(__file__).resolve().parent / "countries_overlay.yaml"
OUTPUT = ROOT / "rules" / "countries.yaml"

#: Currencies in use on this date (for a fixed, reproducible selection).
CURRENCY_DATE = datetime.date(2025, 1, 1)

#: CLDR abbreviates in Russian names; news text spells the words out.
RU_ABBREVIATIONS = (
    (re.compile(r"\bо-ва\b"), "острова"),
    (re.compile(r"\bо-в\b"), "остров"),
    (re.compile(r"\bСв\.\s*"), "Святой "),
)

PLACEMENTS = ("primary", "accept", "drop")

#: Punctuation a Russian form cannot hold: the matcher reads words with
#: only spaces between them (Кот-д’Ивуар's apostrophe is a known gap).
UNREADABLE_RU = re.compile(r"[,;:()«»\"]|\s[-–—]\s")


def cldr_version() -> str:
    import babel.core

    get = getattr(babel.core, "get_cldr_version", None)
    return str(get()) if get else "unknown"


def expand_ru(name: str) -> str:
    for pattern, repl in RU_ABBREVIATIONS:
        name = pattern.sub(repl, name)
    name = " ".join(name.split())
    # «острова Кука»: the generic word stays lower case, as news writes it.
    return name[:1].lower() + name[1:] if name.startswith(("Остров ", "Острова ")) else name


def _unique(*groups: Any) -> list[str]:
    out: list[str] = []
    for group in groups:
        for item in group or ():
            text = " ".join(str(item).split())
            if text and text not in out:
                out.append(text)
    return out


def _placement(entry: dict[str, Any], lang: str, code: str) -> str:
    value = (entry.get("cldr") or {}).get(lang, "primary")
    if value not in PLACEMENTS:
        raise SystemExit(f"overlay {code}: cldr.{lang} must be one of {', '.join(PLACEMENTS)}")
    return str(value)


def _sides(entry: dict[str, Any], key: str) -> tuple[list[str], list[str]]:
    node = entry.get(key) or {}
    return list(node.get("ru") or []), list(node.get("zh") or [])


def _term(
    tid: str,
    category: str,
    ru: list[str],
    zh: list[str],
    accept: tuple[list[str], list[str]] = ([], []),
    forbidden: tuple[list[str], list[str]] = ([], []),
    note: str | None = None,
    source: str = "",
    case: str | None = None,
    examples: Any = None,
    excepts: tuple[list[str], list[str]] = ([], []),
    regional: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    acc_ru = [f for f in _unique(accept[0]) if f not in ru]
    acc_zh = [f for f in _unique(accept[1]) if f not in zh]
    term: dict[str, Any] = {"id": tid, "category": category, "ru": ru, "zh": zh}
    if acc_ru or acc_zh:
        term["accept"] = {k: v for k, v in (("ru", acc_ru), ("zh", acc_zh)) if v}
    forb_ru, forb_zh = _unique(forbidden[0]), _unique(forbidden[1])
    if forb_ru or forb_zh:
        term["forbidden"] = {k: v for k, v in (("ru", forb_ru), ("zh", forb_zh)) if v}
    for region, forms in (regional or {}).items():
        term[f"zh-{region}"] = forms
    if excepts and (excepts[0] or excepts[1]):
        term["except"] = {k: v for k, v in (("ru", _unique(excepts[0])), ("zh", _unique(excepts[1]))) if v}
    if case:
        term["case"] = case
    if note:
        term["note"] = " ".join(note.split())
    term["source"] = source
    if examples:
        term["examples"] = examples
    return term


def abbreviation_compounds(overlay: dict[str, Any]) -> dict[str, list[str]]:
    """ZH stand-ins made of one-character abbreviations: every ordered
    pair (中俄, 俄中), each character before a suffix (美方, 日媒) and
    after a prefix of travel or posting (访俄, 驻美).  A
    compound that is itself another country's name or stand-in (白俄 is
    Belarus) is left out."""
    node = overlay.get("abbreviations") or {}
    chars: dict[str, str] = dict(node.get("chars") or {})
    suffixes = list(node.get("suffixes") or [])
    prefixes = list(node.get("prefixes") or [])
    reserved = set()
    for entry in (overlay.get("territories") or {}).values():
        reserved.update((entry or {}).get("zh") or [])
        reserved.update(((entry or {}).get("accept") or {}).get("zh") or [])
    out: dict[str, list[str]] = {}
    for code, ch in chars.items():
        forms = [ch + other for c, other in chars.items() if other != ch]
        forms += [other + ch for c, other in chars.items() if other != ch]
        forms += [ch + suffix for suffix in suffixes]
        forms += [prefix + ch for prefix in prefixes]
        mine = set((((overlay.get("territories") or {}).get(code) or {}).get("accept") or {}).get("zh") or [])
        out[code] = _unique([f for f in forms if f not in reserved or f in mine])
    return out


#: CLDR locales of the regions whose names differ, and the OpenCC
#: configurations that read them in Simplified and write them back.
REGIONAL_LOCALES = (("TW", "zh_Hant", "tw2s", "s2tw"), ("HK", "zh_Hant_HK", "hk2s", "s2hk"))


@functools.lru_cache(maxsize=None)
def _opencc(config: str) -> Any:
    # One converter per configuration: each loads its dictionaries from
    # disk (about 50 ms), and every territory asks for two.
    import opencc

    return opencc.OpenCC(config)


def regional_forms(code: str, cn: str, zh: list[str], entry: dict[str, Any]) -> dict[str, list[str]]:
    """A territory's forms in each region whose CLDR name differs from
    the mainland's (in Simplified reading): the region's name, the
    overlay's ``zh-TW``/``zh-HK`` forms (names the region writes too:
    韓國 beside 南韓), and the term's other mainland forms with the
    mainland name replaced by the region's (意大利共和国 → 義大利共和國),
    or as they are when they do not hold it (阿联酋).  The mainland name
    itself is left out, so that it is a wrong variant there, unless one
    name holds the other (孟加拉 in 孟加拉国)."""
    from babel import Locale

    out: dict[str, list[str]] = {}
    for region, locale, to_s, to_t in REGIONAL_LOCALES:
        name = Locale.parse(locale).territories.get(code)
        if not name:
            continue
        simple = _opencc(to_s).convert(name)
        if simple in zh:
            continue
        back = _opencc(to_t).convert
        own = list(entry.get(f"zh-{region}") or [])
        forms = [name, *own]
        for form in zh:
            if form == cn:
                if simple in cn or cn in simple:
                    forms.append(back(form))
            elif cn not in form:
                forms.append(back(form))
            elif not own:
                forms.append(back(form.replace(cn, simple)))
        out[region] = _unique(forms)
    return out


def _placement_skip(entry: dict[str, Any]) -> set[str]:
    """Languages whose CLDR name the overlay does not keep as primary."""
    return {lang for lang in ("ru", "zh") if (entry.get("cldr") or {}).get(lang, "primary") != "primary"}


def build_terms(overlay: dict[str, Any]) -> list[dict[str, Any]]:
    from babel import Locale
    from babel.numbers import get_territory_currencies

    ru_loc, zh_loc = Locale("ru"), Locale("zh")
    version = cldr_version()
    excluded = set(overlay.get("exclude") or ())
    extra: dict[str, Any] = overlay.get("territories") or {}
    unknown = sorted(set(extra) - set(ru_loc.territories))
    if unknown:
        raise SystemExit(f"overlay names unknown territories: {', '.join(unknown)}")

    compounds = abbreviation_compounds(overlay)
    terms: list[dict[str, Any]] = []
    codes = sorted(
        c for c in ru_loc.territories if len(c) == 2 and c.isalpha() and c not in excluded
    )
    for code in codes:
        entry = extra.get(code) or {}
        names = {"ru": expand_ru(ru_loc.territories[code]), "zh": zh_loc.territories[code]}
        primary: dict[str, list[str]] = {}
        accepted: dict[str, list[str]] = {}
        for lang in ("ru", "zh"):
            place = _placement(entry, lang, code)
            primary[lang] = _unique([names[lang]] if place == "primary" else [], entry.get(lang))
            accepted[lang] = [names[lang]] if place == "accept" else []
        acc_ru, acc_zh = _sides(entry, "accept")
        acc_zh = _unique(acc_zh, compounds.get(code))
        capital = entry.get("capital")
        cap_ru = list((capital or {}).get("ru") or [])
        cap_zh = list((capital or {}).get("zh") or [])
        if not primary["ru"] or not primary["zh"]:
            raise SystemExit(f"territory {code} has no primary RU or ZH form left")
        unreadable = [f for f in primary["ru"] if UNREADABLE_RU.search(f)]
        if unreadable:
            raise SystemExit(f"territory {code}: {unreadable[0]!r} has punctuation between words; give it in the overlay")
        src = f"CLDR {version} territory {code}"
        terms.append(
            _term(
                f"country-{code.lower()}",
                "place",
                primary["ru"],
                primary["zh"],
                (accepted["ru"] + acc_ru + cap_ru, accepted["zh"] + acc_zh + cap_zh),
                _sides(entry, "forbidden"),
                entry.get("note"),
                src + ("; names, stand-ins and capital from the overlay" if entry else ""),
                entry.get("case"),
                entry.get("examples"),
                _sides(entry, "except"),
                regional_forms(code, names["zh"], primary["zh"], entry) if "zh" not in _placement_skip(entry) else None,
            )
        )
        if cap_ru and cap_zh:
            cap_acc_ru, cap_acc_zh = _sides(capital, "accept")
            terms.append(
                _term(
                    f"capital-{code.lower()}",
                    "place",
                    cap_ru,
                    cap_zh,
                    (
                        cap_acc_ru + primary["ru"] + accepted["ru"] + acc_ru,
                        cap_acc_zh + primary["zh"] + accepted["zh"] + acc_zh,
                    ),
                    _sides(capital, "forbidden"),
                    capital.get("note")
                    or f"Capital of {names['ru']}; the country's names are accepted for it.",
                    f"capital of {code} (overlay); the country's names from CLDR {version}",
                    None,
                    capital.get("examples"),
                )
            )
        elif capital:
            raise SystemExit(f"overlay {code}: a capital needs both 'ru' and 'zh'")

    cur_overlay: dict[str, Any] = overlay.get("currencies") or {}
    cur_excluded = set(cur_overlay.get("exclude") or ())
    in_use: set[str] = set()
    for code in codes:
        in_use.update(get_territory_currencies(code, CURRENCY_DATE, tender=True))
    for cur in sorted(in_use - cur_excluded):
        entry = cur_overlay.get(cur) or {}
        names = {"ru": ru_loc.currencies.get(cur), "zh": zh_loc.currencies.get(cur)}
        if not names["ru"] or not names["zh"]:
            continue
        primary, accepted = {}, {}
        for lang in ("ru", "zh"):
            place = _placement(entry, lang, cur)
            primary[lang] = _unique([names[lang]] if place == "primary" else [], entry.get(lang))
            accepted[lang] = [names[lang]] if place == "accept" else []
        if not primary["ru"] or not primary["zh"]:
            raise SystemExit(f"currency {cur} has no primary RU or ZH form left")
        acc_ru, acc_zh = _sides(entry, "accept")
        terms.append(
            _term(
                f"currency-{cur.lower()}",
                "term",
                primary["ru"],
                primary["zh"],
                (accepted["ru"] + acc_ru, accepted["zh"] + acc_zh),
                _sides(entry, "forbidden"),
                entry.get("note"),
                f"CLDR {version} currency {cur}" + ("; short forms from the overlay" if entry else ""),
                entry.get("case"),
                entry.get("examples"),
            )
        )
    unknown = sorted(set(cur_overlay) - {"exclude"} - in_use)
    if unknown:
        raise SystemExit(f"overlay names currencies not in use: {', '.join(unknown)}")
    return terms


def _flow(value: Any) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**9)
    return text.strip()


def _scalar(value: str) -> str:
    plain = _flow([value])[1:-1]
    return plain


def render(terms: list[dict[str, Any]]) -> str:
    import babel

    lines = [
        "# GENERATED FILE: do not edit by hand.",
        "# Made by scripts/gen_countries.py from CLDR "
        f"{cldr_version()} (babel {babel.__version__}) and",
        "# scripts/countries_overlay.yaml; change the overlay and rerun the script.",
        "version: 1",
        "pack: countries",
        "description: >-",
        "  Countries and territories, their capitals and currencies, in Russian",
        "  and Chinese, with the stand-ins news uses for them (РФ, КНР, 俄方, 访华).",
        f"source: Unicode CLDR {cldr_version()} display names; capitals and stand-ins hand-written",
        "license: Unicode License v3 (CLDR data)",
        "terms:",
    ]
    for term in terms:
        lines.append(f"  - id: {term['id']}")
        lines.append(f"    category: {term['category']}")
        lines.append(f"    ru: {_flow(term['ru'])}")
        lines.append(f"    zh: {_flow(term['zh'])}")
        for key in ("zh-TW", "zh-HK"):
            if key in term:
                lines.append(f"    {key}: {_flow(term[key])}")
        for key in ("accept", "forbidden", "except"):
            if key in term:
                lines.append(f"    {key}:")
                for lang in ("ru", "zh"):
                    if lang in term[key]:
                        lines.append(f"      {lang}: {_flow(term[key][lang])}")
        if "case" in term:
            lines.append(f"    case: {term['case']}")
        if "note" in term:
            lines.append(f"    note: {json.dumps(term['note'], ensure_ascii=False)}")
        lines.append(f"    source: {json.dumps(term['source'], ensure_ascii=False)}")
        if "examples" in term:
            lines.append(f"    examples: {_flow(term['examples'])}")
    return "\n".join(lines) + "\n"


def generate(overlay_path: Path = OVERLAY) -> str:
    with open(overlay_path, encoding="utf-8") as fh:
        overlay = yaml.safe_load(fh) or {}
    return render(build_terms(overlay))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--overlay", type=Path, default=OVERLAY)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output is out of date")
    args = parser.parse_args(argv)
    text = generate(args.overlay)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run scripts/gen_countries.py", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
