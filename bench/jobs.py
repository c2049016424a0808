"""Lint one line-aligned pair with ``Linter(jobs=N)`` through the engine API.

    python bench/jobs.py RU_FILE ZH_FILE [--jobs N] [--rules PACK]

Prints wall time, the CPU time of this process and of its worker
processes, and the number of findings.  ``bench/run.py`` uses it to
compare ``--jobs 1`` and ``--jobs 2`` while the command line has no
``--jobs`` option.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("ru", type=Path)
    ap.add_argument("zh", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--rules", action="append", default=[])
    args = ap.parse_args()

    from ruconsist.config import Config
    from ruconsist.engine import Linter
    from ruconsist.pairing import FilePair

    start = time.perf_counter()
    linter = Linter(Config(align="lines"), extra_rules=args.rules, jobs=args.jobs)
    results = list(linter.lint_many([FilePair(ru=args.ru, zh=args.zh)]))
    wall = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = sum(len(r.diagnostics) for r in results)
    errors = [str(r.error) for r in results if r.error]
    print(
        f"jobs={args.jobs} wall={wall:.2f}s cpu_main={me.ru_utime + me.ru_stime:.2f}s"
        f" cpu_workers={kids.ru_utime + kids.ru_stime:.2f}s findings={found}"
        + (f" errors={errors}" if errors else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
