"""Benchmark: number extraction and comparison throughput.

Run from the repository root::

    python bench/numbers_throughput.py
    python bench/numbers_throughput.py --corpus path/to/corpus --repeat 5

Reads the line-aligned RU/ZH sets NTREX-128 and FLORES-200 of the shared
corpus (``--corpus``, default ``../shared/corpus`` next to the
checkout), extracts the numbers of every line in both languages with the
shipped vocabulary, and compares each pair.  It prints lines and
characters per second and how many numbers it read; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ruconsist.lang.numbers import compare_mentions, compile_vocab, extract_numbers  # noqa: E402
from ruconsist.rules import RuleSet, load_pack  # noqa: E402

SETS = [
    ("NTREX-128", "ntrex128/newstest2019-ref.rus.txt", "ntrex128/newstest2019-ref.zho-CN.txt"),
    ("FLORES-200", "flores200/rus_Cyrl.devtest", "flores200/zho_Hans.devtest"),
]


def load(corpus: Path) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, ru_name, zh_name in SETS:
        ru_path, zh_path = corpus / ru_name, corpus / zh_name
        if not ru_path.is_file() or not zh_path.is_file():
            sys.exit(
                f"corpus set {name} not found under {corpus} (expected {ru_name} and {zh_name});"
                " give its folder with --corpus"
            )
        ru = ru_path.read_text(encoding="utf-8").splitlines()
        zh = zh_path.read_text(encoding="utf-8").splitlines()
        pairs.extend(zip(ru, zh))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (the median is shown)")
    args = ap.parse_args()

    pairs = load(args.corpus)
    chars = sum(len(r) + len(z) for r, z in pairs)

    t0 = time.perf_counter()
    pack = load_pack(ROOT / "rules" / "numbers.yaml", display="rules/numbers.yaml")
    vocab = compile_vocab(RuleSet([pack]).vocab("numbers"))
    # The first pass also builds the vocabulary's regular expressions and
    # reads CLDR month names: that is the cold cost a one-file run pays.
    for ru, zh in pairs[:1]:
        extract_numbers(ru, "ru", vocab)
        extract_numbers(zh, "zh", vocab)
    cold = time.perf_counter() - t0

    extract_times, compare_times = [], []
    counts = (0, 0, 0)
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        found = [(extract_numbers(ru, "ru", vocab), extract_numbers(zh, "zh", vocab)) for ru, zh in pairs]
        extract_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        mismatches = sum(len(compare_mentions(r, z, vocab)) for r, z in found)
        compare_times.append(time.perf_counter() - t)
        counts = (
            sum(len(r) + len(z) for r, z in found),
            sum(1 for r, z in found for m in (*r, *z) if not m.quiet),
            mismatches,
        )

    ext = statistics.median(extract_times)
    cmp_ = statistics.median(compare_times)
    lines = 2 * len(pairs)
    print(f"corpus: {', '.join(s[0] for s in SETS)}: {len(pairs)} RU/ZH line pairs, {chars:,} characters")
    print(f"vocabulary load + first line (cold): {cold * 1000:.0f} ms")
    print(f"extraction: {ext:.2f} s for {lines} lines = {lines / ext:,.0f} lines/s, {chars / ext / 1e6:.2f} M chars/s")
    print(f"comparison: {cmp_ * 1000:.0f} ms for {len(pairs)} pairs = {len(pairs) / cmp_:,.0f} pairs/s")
    print(f"numbers read: {counts[0]} ({counts[1]} reportable); raw mismatches before the check's reporting: {counts[2]}")


if __name__ == "__main__":
    main()
