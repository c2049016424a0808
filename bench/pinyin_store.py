"""Benchmark: the pinyin store against pypinyin imported when needed.

Run from the repository root::

    python bench/pinyin_store.py
    python bench/pinyin_store.py --corpus path/to/corpus --repeat 9

The Palladius check reads pinyin from a SQLite store built once in the
cache from pypinyin's data (``ruconsist/lang/pinyin_store.py``); without
it, it would import pypinyin on the first name it reads (the store's own
fallback, ``_Direct``).  This runs the command line in fresh processes
both ways and prints CPU seconds (user + system, the median of
``--repeat`` runs) and peak RSS:

* warm start: ``ruconsist check examples/`` (one short article) with
  the cache built;
* empty cache: the first and second run on a fresh cache directory (the
  store is built by the second run that needs it);
* throughput: ``--select PAL --jobs 1 --align lines`` over NTREX-128
  lines 1-1000, FLORES-200 lines 1-500 and Tatoeba lines 1-1500, less a
  run of the same files with no pinyin-reading check (``--select ALN``).

It asserts nothing; the findings of both ways are compared and must be
the same.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import default_corpus  # noqa: E402

#: Runs the command line in this process, the pinyin store or pypinyin
#: (``sys.argv[1]``), and writes CPU seconds and peak RSS to stderr.
DRIVER = """
import json, resource, sys
from ruconsist.lang import pinyin_store
if sys.argv[1] == "direct":
    pinyin_store._backend = pinyin_store._Direct()
from ruconsist.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
r = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write("\\nBENCH " + json.dumps([r.ru_utime + r.ru_stime, r.ru_maxrss / 1024,
                 "pypinyin" in sys.modules]) + "\\n")
"""

SETS = [
    ("ntrex", "ntrex128/newstest2019-ref.rus.txt", "ntrex128/newstest2019-ref.zho-CN.txt", 1000),
    ("flores", "flores200/rus_Cyrl.devtest", "flores200/zho_Hans.devtest", 500),
    ("tatoeba", "tatoeba-rus-zho/tatoeba-test-v2021-08-07.rus", "tatoeba-rus-zho/tatoeba-test-v2021-08-07.zho", 1500),
]


def run(mode: str, cache: Path, args: list[str]) -> tuple[float, float, bool, str]:
    """CPU seconds, peak RSS in MB, whether pypinyin was imported, and
    the findings printed."""
    env = {**os.environ, "RUCONSIST_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, mode, "check", *args, "-f", "json"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("BENCH "))
    cpu, rss, imported = json.loads(line[len("BENCH "):])
    return cpu, rss, imported, json.dumps(json.loads(done.stdout)["diagnostics"])


def corpus_dir(corpus: Path, into: Path) -> Path:
    for name, ru, zh, lines in SETS:
        for src, lang in ((ru, "ru"), (zh, "zh")):
            text = (corpus / src).read_text(encoding="utf-8").splitlines()[:lines]
            (into / f"{name}.{lang}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    return into


def median_runs(mode: str, cache: Path, args: list[str], repeat: int) -> tuple[float, float, bool, str]:
    runs = [run(mode, cache, args) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[0][2], runs[0][3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure (the median is shown)")
    args = ap.parse_args()
    if args.corpus is None or not (args.corpus / SETS[0][1]).is_file():
        sys.exit("corpus not found; give its folder with --corpus or RUCONSIST_CORPUS")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "corpus").mkdir()
        lines = corpus_dir(args.corpus, work / "corpus")
        small = [str(ROOT / "examples")]
        big = [str(lines), "--align", "lines", "--jobs", "1"]
        figures: dict[str, dict[str, tuple[float, float, bool, str]]] = {"store": {}, "direct": {}}
        for mode in figures:
            fresh = work / f"cache-{mode}"
            figures[mode]["cold 1"] = run(mode, fresh, small)
            figures[mode]["cold 2"] = run(mode, fresh, small)
            figures[mode]["warm"] = median_runs(mode, fresh, small, args.repeat)
            figures[mode]["PAL"] = median_runs(mode, fresh, [*big, "--select", "PAL"], args.repeat)
        base = median_runs("store", work / "cache-store", [*big, "--select", "ALN"], args.repeat)[0]

    print(f"{'figure':<34}{'store':>16}{'pypinyin':>16}{'gain':>10}")
    for name, label in (("cold 1", "empty cache, first run"), ("cold 2", "empty cache, second run"),
                        ("warm", "warm start, examples/"), ("PAL", "PAL, 3,000 lines, whole run")):
        s, d = figures["store"][name], figures["direct"][name]
        print(f"{label:<34}{s[0]:>8.3f} s {s[1]:>3.0f} MB{d[0]:>8.3f} s {d[1]:>3.0f} MB{d[0] - s[0]:>+9.3f}")
    s_pal, d_pal = figures["store"]["PAL"][0] - base, figures["direct"]["PAL"][0] - base
    print(f"{'PAL, 3,000 lines, less the run':<34}{s_pal:>8.3f} s{'':>7}{d_pal:>8.3f} s{'':>7}"
          f"{d_pal - s_pal:>+9.3f}  ({(d_pal - s_pal) / d_pal:.0%} of pypinyin's)")
    build = figures["store"]["cold 2"][0] - figures["direct"]["cold 2"][0]
    gain = figures["direct"]["warm"][0] - figures["store"]["warm"][0]
    print(f"building the store: {build:.2f} CPU s once; warm runs to pay it back: {build / gain:.1f}")
    print(f"warm start imports pypinyin: store {figures['store']['warm'][2]}, direct {figures['direct']['warm'][2]}")
    same = all(figures["store"][k][3] == figures["direct"][k][3] for k in figures["store"])
    print(f"findings the same both ways: {same}")


if __name__ == "__main__":
    main()
