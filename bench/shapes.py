"""Time and peak memory of ``ruconsist check --jobs 1`` on shapes of input
at sizes n, 2n, 4n and 8n, with the ratio of each size to the one before
(linear doubles, quadratic quadruples) and seconds of CPU per MB.

Each size is a real process; CPU seconds and peak RSS come from
``wait4``.  It asserts nothing (``tests/test_scaling.py`` does, at small
sizes); it prints the figures quoted in ``docs/performance.md``.

    python bench/shapes.py                       # every shape
    python bench/shapes.py --only paragraphs --only table --scale 0.5
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Files = dict[str, str]


def _paragraphs(k: int) -> Files:
    return {"a.ru.md": "".join(f"Абзац {i} о городе Москве.\n\n" for i in range(k)),
            "a.zh.md": "".join(f"第{i}段关于莫斯科。\n\n" for i in range(k))}


def _lines(k: int) -> Files:
    return {"a.ru.txt": "".join(f"Строка {i} о Москве\n" for i in range(k)),
            "a.zh.txt": "".join(f"第{i}行关于莫斯科\n" for i in range(k))}


def _json_locale(k: int) -> Files:
    return {"ru.json": json.dumps({f"section.k{i}": f"Привет, мир номер {i}" for i in range(k)},
                                  ensure_ascii=False, indent=1),
            "zh.json": json.dumps({f"section.k{i}": f"你好，世界第{i}号" for i in range(k)},
                                  ensure_ascii=False, indent=1)}


def _prose(k: int) -> Files:
    return {"a.ru.txt": "Москва большой город, в нём 12 домов. " * k + "\n",
            "a.zh.txt": "莫斯科是一个大城市，有12座房子。" * k + "\n"}


def _dates(k: int) -> Files:
    return {"a.ru.txt": "16 июля 2001 года, " * k + "\n", "a.zh.txt": "2001年7月16日，" * k + "\n"}


def _table(k: int) -> Files:
    def table(cell: str) -> str:
        rows = "".join(f"| {cell} {i} | {i * 3} | {cell} |\n" for i in range(k))
        return f"| a | b | c |\n|---|---|---|\n{rows}"
    return {"a.ru.md": table("Москва"), "a.zh.md": table("莫斯科")}


def _wide_table(k: int) -> Files:
    def table(cell: str) -> str:
        return "|" + "столбец|" * k + "\n|" + "-|" * k + "\n" + "".join(f"| {cell} {i} |\n" for i in range(k))
    return {"a.ru.md": table("Москва"), "a.zh.md": table("莫斯科")}


def _subrip(k: int) -> Files:
    def srt(word: str) -> str:
        return "".join(f"{i + 1}\n00:00:{i % 10:02d},000 --> 00:00:{i % 10:02d},500\n{word} {i}\n\n"
                       for i in range(k))
    return {"a.ru.srt": srt("Привет"), "a.zh.srt": srt("你好")}


def _article(k: int) -> Files:
    return {"a.ru.txt": "ст. 5 " * k + "\n", "a.zh.txt": "第五条" * k + "\n"}


#: name -> (n, files of size k, extra arguments)
SHAPES: dict[str, tuple[int, Callable[[int], Files], list[str]]] = {
    "paragraphs": (12_500, _paragraphs, []),
    "lines": (31_250, _lines, ["--align", "lines"]),
    "json": (12_000, _json_locale, []),
    "prose": (3_000, _prose, []),
    "dates": (200, _dates, []),
    "table": (1_000, _table, []),
    "wide-table": (100, _wide_table, []),
    "subrip": (500, _subrip, []),
    "article": (2_000, _article, []),
}


def measure(cmd: list[str]) -> tuple[float, float, float, int]:
    """Wall s, CPU s, peak RSS MB, exit code of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode() if proc.stderr else ""
        print(f"    (exit {code}: {err.strip()[:200]})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, code


def run_shape(name: str, scale: float, factors: list[int], work: Path, timeout: float) -> None:
    n, _, extra = SHAPES[name]
    n = max(1, int(n * scale))
    print(f"== {name} (n = {n})", flush=True)
    previous: float | None = None
    for factor in factors:
        folder = work / f"{name}-{factor}"
        folder.mkdir()
        # Written by a process of its own: a child's peak RSS counts the
        # memory of the process it was forked from, and this one would
        # otherwise hold the largest texts made so far.
        subprocess.run([sys.executable, __file__, "--write", name, str(n * factor), str(folder)], check=True)
        size = sum(f.stat().st_size for f in folder.iterdir())
        cmd = [sys.executable, "-m", "ruconsist", "check", "--jobs", "1", "--timeout", str(timeout),
               "-f", "json", "-o", os.devnull, *extra, str(folder)]
        wall, cpu, rss, _ = measure(cmd)
        mb = size / 1e6
        growth = f"  x{cpu / previous:4.2f} CPU" if previous else ""
        print(f"  {factor}n {mb:7.2f} MB  wall {wall:7.2f} s  CPU {cpu:7.2f} s  peak {rss:6.0f} MB"
              f"  {cpu / mb:6.1f} CPU s/MB{growth}", flush=True)
        previous = cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(SHAPES), metavar="SHAPE")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    parser.add_argument("--factors", default="1,2,4,8")
    parser.add_argument("--timeout", type=float, default=600.0, help="per process, in seconds")
    parser.add_argument("--write", nargs=3, metavar=("SHAPE", "K", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        name, k, folder = args.write
        for file, text in SHAPES[name][1](int(k)).items():
            (Path(folder) / file).write_bytes(text.encode("utf-8"))
        return 0
    factors = [int(f) for f in args.factors.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or SHAPES:
            run_shape(name, args.scale, factors, Path(tmp), args.timeout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
