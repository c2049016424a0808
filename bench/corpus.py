"""The shared corpus as the benchmarks find and read it."""
from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent


def default_corpus() -> str | None:
    """``$RUCONSIST_CORPUS``, else ``../shared/corpus`` beside the checkout."""
    env = os.environ.get("RUCONSIST_CORPUS")
    if env:
        return env
    beside = HERE.parent.parent / "shared" / "corpus"
    return str(beside) if beside.is_dir() else None


def read_lines(path: Path) -> list[str]:
    """The lines of a corpus file, CRLF or LF."""
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
