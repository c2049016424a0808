"""Recall of ruconsist on a hand-read sample of machine-translated rows.

``bench/precision/recall/embassy-mt.tsv`` lists every error a careful
reader found in a sample of rows of the embassy machine translation (the
format is described at the top of that file).  This script checks each row
with ``--profile mt --align lines`` and counts an error as reported when a
finding on its row covers what the file's ``match`` column names.

    python bench/recall.py --corpus CORPUS_DIR
    python bench/recall.py --corpus CORPUS_DIR --list      # every error, reported or not

Printed per sample (``old``, ``fresh``) and per reach (``check``,
``glossary``, ``meaning``): the true errors, how many an error-severity
finding reports, how many any finding (error or warning) reports.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from corpus import default_corpus

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "precision" / "recall" / "embassy-mt.tsv"
REACHES = ("check", "glossary", "meaning")


@dataclass(frozen=True)
class Item:
    sample: str
    doc: str
    line: int
    kind: str
    reach: str
    match: str
    verdict: str
    error: str


def load(path: Path = SAMPLE) -> list[Item]:
    items = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 7:
            sys.exit(f"{path}:{number}: expected 7 tab-separated columns, found {len(cols)}")
        sample, row, kind, reach, match, verdict, error = cols
        doc, _, line = row.partition(":")
        if reach not in REACHES or verdict not in ("true", "debatable") or not line.isdigit():
            sys.exit(f"{path}:{number}: bad row, reach or verdict")
        items.append(Item(sample, doc, int(line), kind, reach, match, verdict, error))
    return items


def findings(corpus: Path, doc: str) -> list[dict]:
    base = corpus / "embassy-ru-zh" / "mt" / doc
    out = subprocess.run(
        [sys.executable, "-m", "ruconsist", "check", "--profile", "mt", "--align", "lines",
         "--ru", f"{base}.ru.txt", "--zh", f"{base}.zh.txt", "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"ruconsist failed on {doc}: {out.stderr.strip()}")
    return json.loads(out.stdout)["diagnostics"]


def covers(d: dict, item: Item, rows: dict[str, str]) -> bool:
    """Whether finding ``d`` reports ``item``: its primary location
    overlaps the text the item names (the counterpart only shows where the
    other side stands).  A location that spans its whole row (MT002's)
    points at nothing in particular: it counts only for a ``code:``
    match."""
    for want in item.match.split("|"):
        side, _, text = want.partition(":")
        if side == "code":
            if d["code"] == text and any(loc["line"] == item.line for loc in d["locations"]):
                return True
            continue
        row = rows[side]
        spans = []
        start = row.find(text)
        while start >= 0:
            spans.append((start + 1, start + 1 + len(text)))
            start = row.find(text, start + 1)
        for loc in d["locations"][:1]:
            if loc["lang"] != side or loc["line"] != item.line:
                continue
            a = loc["column"]
            b = loc["end_column"] if loc.get("end_line", loc["line"]) == loc["line"] else len(row) + 1
            if a <= 1 and b >= len(row.rstrip()) + 1:
                continue
            if any(a < y and x < b for x, y in spans):
                return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--list", action="store_true", help="print every error with what reported it")
    args = ap.parse_args()
    items = load()
    by_doc: dict[str, list[dict]] = {doc: findings(args.corpus, doc) for doc in sorted({i.doc for i in items})}
    texts = {
        (doc, lang): (args.corpus / "embassy-ru-zh" / "mt" / f"{doc}.{lang}.txt").read_text(encoding="utf-8").split("\n")
        for doc in by_doc for lang in ("ru", "zh")
    }
    tally: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for item in items:
        rows = {lang: texts[(item.doc, lang)][item.line - 1] for lang in ("ru", "zh")}
        hits = [d for d in by_doc[item.doc] if covers(d, item, rows)]
        errors = sorted({d["code"] for d in hits if d["severity"] == "error"})
        warnings = sorted({d["code"] for d in hits if d["severity"] != "error"})
        if item.verdict == "true":
            for key in ((item.sample, item.reach), (item.sample, "all")):
                tally[key]["errors"] += 1
                tally[key]["as error"] += bool(errors)
                tally[key]["reported"] += bool(errors or warnings)
        if args.list:
            got = ", ".join(errors + [f"{c} (warning)" for c in warnings]) or "-"
            print(f"{item.sample}\t{item.doc}:{item.line}\t{item.kind}\t{item.reach}\t{item.verdict}\t{got}\t{item.error}")
    if args.list:
        print()
    print(f"{'sample':8} {'reach':9} {'errors':>6} {'as error':>9} {'reported':>9} {'recall':>7}")
    for sample in ("old", "fresh"):
        for reach in (*REACHES, "all"):
            t = tally.get((sample, reach))
            if not t:
                continue
            share = f"{100 * t['as error'] / t['errors']:.0f}%"
            print(f"{sample:8} {reach:9} {t['errors']:6} {t['as error']:9} {t['reported']:9} {share:>7}")
    print("\nrecall = errors an error-severity finding reports / true errors; "
          "'reported' counts warnings too")


if __name__ == "__main__":
    main()
