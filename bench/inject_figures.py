"""How many changed figures and dates the number and date checks catch.

Takes the line pairs of the tuning sets (NTREX-128 lines 1-1000, FLORES-200
lines 1-500, Tatoeba) whose clean run has no NUM/DAT/TIM finding at all,
finds in each Chinese line the figures of one kind (each line pair is
one segment, as ``ruconsist check --align lines`` reads these sets), changes one of them as
a translator's slip would, and lints the pair again.  A change is caught
when the changed pair has any number, date or time finding (the clean one
had none).  Only figures the Russian line states too are changed (its
digits, or a clock-time word for times): a figure the translation left out
cannot be checked against anything.

    python bench/inject_figures.py --corpus CORPUS_DIR
    python bench/inject_figures.py --corpus CORPUS_DIR --missed time   # list what was not caught
    python bench/inject_figures.py --corpus CORPUS_DIR --errors        # caught by an error only

Kinds and changes:

    hedge      digits next to an approximation word (约 近 逾 超过 至少 多 余 左右):
               the last non-zero digit +1 (约82 -> 约83, 1950多 -> 1960多)
    time       a clock time (16:40, 16时40分, 晚上10点, 上午9点半, 晚上七点, 八点半):
               the hour +1, in digits or numerals as written
    year       N年 (not 年代), reported per century: the year +1 or -1
    decade     N年代: the decade -10 (+10 for the 1900s' first)
    day        N月N日: the day +1 (-1 on the last day)
    magnitude  N万 / N亿: ten times larger (150万 -> 1500万, 1.5亿 -> 15亿)

It prints, per kind, the sites, how many were caught and the share; the
target is 95 % of each kind.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from corpus import default_corpus, read_lines

HERE = Path(__file__).resolve().parent
CODES = ("NUM", "DAT", "TIM")

NUM = r"\d+(?:[.,]\d+)*"
#: Chinese numerals an hour is written with (一 alone is "a bit": 一点).
ZH_HOURS = "二两兩三四五六七八九十"
ZH_DIGITS = "零一二三四五六七八九"
#: A clock time in the Russian line, in digits or in words ("в восемь",
#: "половина одиннадцатого", "без четверти восемь").
RU_TIME = re.compile(
    r"\d|час|утра|вечера|ночи|полдень|полночь|половин|без\s+четверти"
    r"|(?<![а-я])(?:в|к|до|около|после|с)\s+(?:дв[аеу]|тр[иеё]|четыр|пят|шест|сем|вос[еь]м|девят|десят"
    r"|одиннадцат|двенадцат)",
    re.I)
KINDS: dict[str, re.Pattern[str]] = {
    "hedge": re.compile(
        rf"(?:约|大约|近|将近|逾|超过|至少|接近|不到|多达)\s*(?P<n>{NUM})(?!\s*[\d年月日号时点:：])"
        rf"|(?<![\d.])(?P<m>{NUM})\s*(?:多|余|左右|上下)(?!年)"
    ),
    "time": re.compile(
        r"(?<![\d.])(?P<h>\d{1,2})\s*[:：]\s*\d{2}(?!\d)"
        r"|(?:上午|下午|晚上|凌晨|早上|早晨|清晨|中午|傍晚|夜里|晚|早)\s*(?P<h2>\d{1,2})\s*[点时點時]"
        r"|(?<![\d.])(?P<h3>\d{1,2})\s*(?:点|时|點|時)\s*(?:\d{1,2}\s*分|半|钟|鐘|整)"
        # the hour in Chinese numerals: 晚上七点, 八点半, 六點鐘
        rf"|(?:上午|下午|晚上|凌晨|早上|早晨|清晨|中午|傍晚|夜里|晚|早)\s*(?P<h4>[{ZH_HOURS}]{{1,3}})\s*[点时點時]"
        rf"|(?<![{ZH_HOURS}一])(?P<h5>[{ZH_HOURS}]{{1,3}})\s*[点點]\s*(?:半|钟|鐘|整|[{ZH_HOURS}一]+分)"
    ),
    "year": re.compile(r"(?<![\d.,])(?P<y>\d{3,4})\s*年(?!代|前|来|间|里|内|多)"),
    "decade": re.compile(r"(?<![\d.])(?P<d>\d{2,4})\s*年代"),
    "day": re.compile(r"月\s*(?P<d>\d{1,2})\s*[日号]"),
    "magnitude": re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)\s*(?:万|亿)(?!分)"),
}


def tuning_pairs(corpus: Path) -> Iterator[tuple[str, int, str, str]]:
    """(set, line number, RU, ZH) of the tuning line sets."""
    sets = (
        ("ntrex", "ntrex128/newstest2019-ref.rus.txt", "ntrex128/newstest2019-ref.zho-CN.txt", 1000),
        ("flores", "flores200/rus_Cyrl.devtest", "flores200/zho_Hans.devtest", 500),
        ("tatoeba", "tatoeba-rus-zho/tatoeba-test-v2021-08-07.rus",
         "tatoeba-rus-zho/tatoeba-test-v2021-08-07.zho", None),
    )
    for name, ru_path, zh_path, limit in sets:
        ru, zh = read_lines(corpus / ru_path), read_lines(corpus / zh_path)
        for i, (r, z) in enumerate(zip(ru, zh), 1):
            if limit is not None and i > limit:
                break
            if r.strip() and z.strip():
                yield name, i, r, z


def _bump_last_digit(digits: str) -> str:
    """The last non-zero digit +1 (a 9 becomes 8)."""
    chars = list(digits)
    for i in range(len(chars) - 1, -1, -1):
        if chars[i].isdigit() and chars[i] != "0":
            chars[i] = "8" if chars[i] == "9" else str(int(chars[i]) + 1)
            return "".join(chars)
    return digits


def _zh_hour(n: int) -> str:
    """An hour of 1 to 23 in Chinese numerals (十一, 二十)."""
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else "十" if tens == 1 else ZH_DIGITS[tens] + "十") + (ZH_DIGITS[units] if units else "")


def _next_hour(old: str) -> str:
    """The hour +1 (23 becomes 22), written as it was: digits or numerals."""
    if old.isdigit():
        hour = int(old)
        return str(hour + 1 if hour < 23 else 22)
    hour = ({"两": 2, "兩": 2} | {c: i for i, c in enumerate(ZH_DIGITS)}).get(old[-1], 0)
    if old.startswith("十"):
        hour += 10 if len(old) > 1 else 10 - hour
    elif "十" in old:
        hour = ZH_DIGITS.index(old[0]) * 10 + (hour if len(old) > 2 else 0)
    return _zh_hour(hour + 1 if hour < 23 else 22)


def changes(kind: str, zh: str, ru: str) -> Iterator[tuple[str, str, str]]:
    """(changed ZH line, what was changed, bucket) for each site of
    ``kind`` whose figure the RU line states too."""
    ru_digits = re.sub(r"[\s\u00a0\u202f]", "", ru)
    for m in KINDS[kind].finditer(zh):
        group = next(g for g in m.groupdict() if m.group(g) is not None)
        a, b = m.span(group)
        old = m.group(group)
        bucket = kind
        if kind == "time":
            if not RU_TIME.search(ru):
                continue
            new = _next_hour(old)
        elif kind == "hedge":
            if old.replace(",", "") not in ru_digits.replace(",", "").replace(".", ""):
                continue
            new = _bump_last_digit(old)
        elif kind == "year":
            if old not in ru_digits:
                continue
            y = int(old)
            bucket = f"year, century {y // 100 + 1:>2}"
            new = str(y + 1 if y % 2 else y - 1)
        elif kind == "decade":
            tail = old[-2:]
            if tail not in ru_digits:
                continue
            d = int(old)
            new = str(d - 10 if d % 100 else d + 10)
        elif kind == "day":
            if old not in ru_digits:
                continue
            d = int(old)
            new = str(d + 1 if d < 28 else d - 1)
        else:  # magnitude
            if not re.search(r"\d", ru):
                continue
            whole, dot, frac = old.partition(".")
            new = whole + frac[:1] + ("." + frac[1:] if frac[1:] else "") if frac else old + "0"
        yield zh[:a] + new + zh[b:], f"{old} -> {new}", bucket


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=default_corpus(), help="the shared corpus directory")
    ap.add_argument("--missed", metavar="KIND", help="list the changes of KIND that were not caught")
    ap.add_argument("--errors", action="store_true",
                    help="count a change as caught only by an error-severity finding (a warning, such as a "
                         "figure on one side only, does not block a commit)")
    args = ap.parse_args(argv)
    if not args.corpus or not Path(args.corpus).is_dir():
        print("inject_figures.py: no corpus directory (give --corpus or RUCONSIST_CORPUS)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent))
    from ruconsist.diagnostic import Severity
    from ruconsist.testing import lint_pair, linter

    lint = linter(select=list(CODES))
    sites: collections.Counter[str] = collections.Counter()
    caught: collections.Counter[str] = collections.Counter()
    missed: list[str] = []
    clean_lines = 0
    for name, number, ru, zh in tuning_pairs(Path(args.corpus)):
        if lint_pair(lint, ru, zh, lines=True):
            continue
        clean_lines += 1
        for kind in KINDS:
            for changed, what, bucket in changes(kind, zh, ru):
                found = [d for d in lint_pair(lint, ru, changed, lines=True)
                         if not args.errors or d.severity == Severity.ERROR]
                for key in {kind, bucket}:
                    sites[key] += 1
                    caught[key] += bool(found)
                if not found and args.missed == kind:
                    missed.append(f"{name}:{number}  {what}\n    RU {ru}\n    ZH {changed}")
    print(f"clean line pairs (no NUM/DAT/TIM finding): {clean_lines}")
    print(f"{'kind':<28}{'sites':>7}{'caught':>8}{'share':>8}")
    for key in sorted(sites, key=lambda k: (k.split(",")[0] not in KINDS, list(KINDS).index(k.split(",")[0]), k)):
        share = caught[key] / sites[key]
        print(f"{key:<28}{sites[key]:>7}{caught[key]:>8}{share:>8.1%}")
    for row in missed:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
