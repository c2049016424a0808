"""Precision of ruconsist's error findings on real parallel text.

Runs the sets of ``bench/precision/sets.yaml`` over a corpus directory,
keeps the error-severity findings, matches each against the hand labels in
``bench/precision/labels/*.tsv`` and prints, per set and per code: how many
errors, how many of them are labelled true, false or debatable, the
precision (true / (true + false)) and the errors per 1000 units.

    python bench/precision.py --corpus CORPUS_DIR
    python bench/precision.py --corpus CORPUS_DIR --set ntrex --unlabelled
    python bench/precision.py --corpus CORPUS_DIR --stale

A label names a finding by its set, its primary place (``path:line``), the
text its primary span covers and its code. A finding whose code changed
but whose place and span did not (an omission that became a substitution,
say) still finds its label: the code is matched last. ``--unlabelled``
prints the findings no label covers, with their RU and ZH lines, as rows
ready to be labelled (verdict ``?``); ``--stale`` lists labels that match
no finding any more (a fixed false error, or a real catch that was lost).

Label file format (tab-separated, ``#`` comments, one finding a row)::

    set  place  span  code  verdict  note

``verdict`` is ``true`` (an editor would fix it), ``false`` (an editor
would not) or ``debatable``.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from corpus import default_corpus

HERE = Path(__file__).resolve().parent
SETS_FILE = HERE / "precision" / "sets.yaml"
LABELS_DIR = HERE / "precision" / "labels"
VERDICTS = ("true", "false", "debatable")


@dataclass(frozen=True)
class Finding:
    set: str
    place: str  # path:line of the primary location
    span: str  # the text the primary span covers (one line at most)
    code: str
    message: str
    line: int  # the RU line where there is a RU location, else the primary line
    ru_text: str
    zh_text: str
    tuning: bool


@dataclass(frozen=True)
class Label:
    set: str
    place: str
    span: str
    code: str
    verdict: str
    note: str
    source: str  # file:line of the label


def load_sets() -> dict:
    with SETS_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["sets"]


def load_labels() -> list[Label]:
    labels = []
    for path in sorted(LABELS_DIR.glob("*.tsv")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cells = raw.split("\t")
            if len(cells) < 5:
                sys.exit(f"{path.name}:{number}: expected 5 or 6 tab-separated cells, got {len(cells)}")
            verdict = cells[4].strip()
            if verdict not in VERDICTS:
                if verdict == "?":
                    continue  # listed, not yet read
                sys.exit(f"{path.name}:{number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
            note = cells[5] if len(cells) > 5 else ""
            labels.append(Label(cells[0], cells[1], cells[2], cells[3], verdict, note,
                                f"{path.name}:{number}"))
    return labels


class LineCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        if path not in self._files:
            try:
                text = (self.root / path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._files[path] = text.splitlines()
        lines = self._files[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""


def in_tuning(tune, line: int) -> bool:
    if tune == "all":
        return True
    if tune == "none":
        return False
    low, high = tune
    return low <= line <= high


def run_set(name: str, spec: dict, corpus: Path, lines: LineCache, extra: list[str]) -> list[Finding]:
    findings = []
    for args in spec["runs"]:
        command = [sys.executable, "-m", "ruconsist", "check", *args, "--format", "json",
                   "--exit-zero", "--jobs", "1", *extra]
        proc = subprocess.run(command, cwd=corpus, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(HERE.parent)})
        if proc.returncode not in (0, 1):
            sys.exit(f"{name}: ruconsist exited {proc.returncode}: {proc.stderr.strip()[:500]}")
        for diag in json.loads(proc.stdout)["diagnostics"]:
            if diag["severity"] != "error":
                continue
            findings.append(to_finding(name, spec, diag, lines))
    return findings


def to_finding(name: str, spec: dict, diag: dict, lines: LineCache) -> Finding:
    locations = diag.get("locations") or []
    primary = locations[0] if locations else {}
    path, line = primary.get("path", ""), primary.get("line", 0)
    text = lines.line(path, line) if line else ""
    span = ""
    if text and primary.get("end_line", line) == line:
        span = text[primary.get("column", 1) - 1: primary.get("end_column", 1) - 1]
    by_lang = {loc["lang"]: loc for loc in locations if loc.get("line")}
    ru, zh = by_lang.get("ru"), by_lang.get("zh")
    ru_text = lines.line(ru["path"], ru["line"]) if ru else ""
    zh_text = lines.line(zh["path"], zh["line"]) if zh else ""
    unit_line = (ru or primary).get("line", 0) or 0
    return Finding(name, f"{path}:{line}", span.replace("\t", " "), diag["code"],
                   diag.get("message", ""), unit_line, ru_text, zh_text,
                   in_tuning(spec.get("tune", "all"), unit_line))


def match(findings: list[Finding], labels: list[Label]):
    """Pair each finding with its label: same place and span, the same code preferred."""
    by_key = collections.defaultdict(list)
    for label in labels:
        by_key[(label.set, label.place, label.span)].append(label)
    used: set[int] = set()
    verdicts = {}
    for index, finding in enumerate(findings):
        candidates = by_key.get((finding.set, finding.place, finding.span), [])
        candidates = sorted(candidates, key=lambda lab: lab.code != finding.code)
        for label in candidates:
            if id(label) not in used or label.code == finding.code:
                used.add(id(label))
                verdicts[index] = label
                break
    stale = [label for label in labels if id(label) not in used]
    return verdicts, stale


def report(findings, verdicts, sets, selected, part: str) -> None:
    print(f"\n## {part}\n")
    print(f"{'set':<14} {'code':<8} {'errors':>6} {'per1000':>8} {'true':>5} {'false':>5} "
          f"{'debat':>5} {'unlab':>5} {'precision':>9}")
    grand = collections.Counter()
    for name in selected:
        spec = sets[name]
        rows = [(i, f) for i, f in enumerate(findings) if f.set == name
                and (f.tuning if part == "tuning" else not f.tuning)]
        if part == "tuning" and spec.get("tune") == "none":
            continue
        if part == "held-out" and spec.get("tune") == "all":
            continue
        units = unit_count(spec, part)
        codes = collections.defaultdict(collections.Counter)
        for index, finding in rows:
            label = verdicts.get(index)
            codes[finding.code][label.verdict if label else "unlabelled"] += 1
        total = collections.Counter()
        for code in sorted(codes):
            total.update(codes[code])
            print_row(name, code, codes[code], units)
        print_row(name, "all", total, units)
        grand.update(total)
    print_row("ALL", "all", grand, None)


def unit_count(spec: dict, part: str) -> float:
    units = spec["units"]
    tune = spec.get("tune", "all")
    if isinstance(tune, list):
        low, high = tune
        inside = high - low + 1
        return inside if part == "tuning" else units - inside
    return units


def print_row(name: str, code: str, counts: collections.Counter, units) -> None:
    errors = sum(counts.values())
    true, false = counts["true"], counts["false"]
    precision = f"{100 * true / (true + false):.0f}%" if true + false else "-"
    rate = f"{1000 * errors / units:.1f}" if units else "-"
    print(f"{name:<14} {code:<8} {errors:>6} {rate:>8} {true:>5} {false:>5} "
          f"{counts['debatable']:>5} {counts['unlabelled']:>5} {precision:>9}")


def clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def list_findings(findings, verdicts, held_out: bool) -> None:
    print("\n## error findings (set, place, span, code, verdict, note)\n")
    for index, finding in enumerate(findings):
        if not finding.tuning and not held_out:
            continue
        label = verdicts.get(index)
        verdict, note = (label.verdict, label.note) if label else ("?", "")
        part = "tuning" if finding.tuning else "held-out"
        print("\t".join([finding.set, finding.place, finding.span, finding.code, verdict, note,
                         part]))
        print(f"#   {clip(finding.message, 200)}")
        print(f"#   RU {clip(finding.ru_text)}")
        print(f"#   ZH {clip(finding.zh_text)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=default_corpus(),
                        help="the corpus directory (default: $RUCONSIST_CORPUS, else "
                             "../shared/corpus beside the checkout)")
    parser.add_argument("--set", action="append", help="only this set (repeatable)")
    parser.add_argument("--unlabelled", action="store_true",
                        help="list the error findings no label covers, as label rows")
    parser.add_argument("--stale", action="store_true", help="list labels that match no finding")
    parser.add_argument("--list", action="store_true",
                        help="list every error finding with its verdict and note (held-out ones "
                             "only with --held-out)")
    parser.add_argument("--held-out", action="store_true",
                        help="also list held-out findings with --unlabelled (to read, not to tune on)")
    parser.add_argument("extra", nargs="*", help="extra arguments for ruconsist check (after --)")
    args = parser.parse_args(argv)
    if not args.corpus:
        parser.error("give the corpus directory with --corpus or RUCONSIST_CORPUS")
    corpus = Path(args.corpus)
    sets = load_sets()
    selected = args.set or list(sets)
    unknown = [name for name in selected if name not in sets]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}; known: {', '.join(sets)}")
    lines = LineCache(corpus)
    findings = []
    for name in selected:
        findings.extend(run_set(name, sets[name], corpus, lines, args.extra))
    labels = [label for label in load_labels() if label.set in selected]
    verdicts, stale = match(findings, labels)
    report(findings, verdicts, sets, selected, "tuning")
    report(findings, verdicts, sets, selected, "held-out")
    if args.unlabelled:
        print("\n## unlabelled error findings (set, place, span, code, verdict, note)\n")
        for index, finding in enumerate(findings):
            if index in verdicts or (not finding.tuning and not args.held_out):
                continue
            print("\t".join([finding.set, finding.place, finding.span, finding.code, "?",
                             clip(finding.message, 200)]))
            print(f"#   RU {clip(finding.ru_text)}")
            print(f"#   ZH {clip(finding.zh_text)}")
    if args.list:
        list_findings(findings, verdicts, args.held_out)
    if args.stale:
        print("\n## labels matching no finding\n")
        for label in stale:
            print(f"{label.source}: {label.set} {label.place} {label.span!r} {label.code} "
                  f"{label.verdict} {label.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
