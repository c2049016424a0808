"""A progress bar on stderr for long runs.

Shown only when the stream is a terminal, and only once the run has
taken longer than ``delay`` seconds (a pre-commit run on one pair never
sees it).  Output written to the same terminal through :meth:`Progress.guard`
clears the bar first, so findings and the bar never mix on one line.

Usage::

    with Progress(total=len(pairs), stream=sys.stderr) as bar:
        out = bar.guard(out)
        for pair in pairs:
            bar.update(label=pair_name)
            ...
            bar.advance()
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from ruconsist.formatters.text import text_width

CLEAR = "\r\033[K"


class Progress:
    """``[#######.............]  12/123 pairs  0:07  news/a.ru.md``.

    ``total`` may be ``None`` (a spinner-like count).  ``clock`` and
    ``ticker`` exist for tests: with ``ticker=False`` nothing draws on its
    own; :meth:`tick` draws when due.
    """

    def __init__(
        self,
        total: int | None,
        stream: IO[str],
        *,
        unit: str = "pairs",
        delay: float = 2.0,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        ticker: bool = True,
        width: int | None = None,
    ) -> None:
        self.total = total
        self.stream = stream
        self.unit = unit
        self.delay = delay
        self.clock = clock
        self.done = 0
        self.label = ""
        self.started = clock()
        self.shown = False
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if enabled is None:
            enabled = _isatty(stream) and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        if width is None:
            import shutil

            width = shutil.get_terminal_size((80, 24)).columns
        self.width = max(40, width)
        if enabled and ticker:
            self._thread = threading.Thread(target=self._run, name="ruconsist-progress", daemon=True)
            self._thread.start()

    # The API the command line calls -------------------------------------

    def update(self, label: str = "") -> None:
        """Say what is being worked on now."""
        with self._lock:
            self.label = label
        self.tick()

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
        self.tick()

    def guard(self, stream: IO[str]) -> IO[str]:
        """A stream that clears the bar before each write, for output
        going to the same terminal."""
        if not self.enabled:
            return stream
        return _Guarded(stream, self)  # type: ignore[return-value]

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)
        self.clear()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Drawing ------------------------------------------------------------

    def clear(self) -> None:
        with self._lock:
            if self.shown:
                self.stream.write(CLEAR)
                self.stream.flush()
                self.shown = False

    def tick(self) -> None:
        if not self.enabled or self._stop.is_set():
            return
        with self._lock:
            elapsed = self.clock() - self.started
            if elapsed < self.delay:
                return
            self.stream.write(CLEAR + self.line(elapsed))
            self.stream.flush()
            self.shown = True

    def line(self, elapsed: float) -> str:
        minutes, seconds = divmod(int(elapsed), 60)
        clock = f"{minutes}:{seconds:02d}"
        if self.total:
            done = min(self.done, self.total)
            bar_width = 20
            filled = bar_width * done // self.total
            head = f"[{'#' * filled}{'.' * (bar_width - filled)}] {done}/{self.total} {self.unit}  {clock}"
        else:
            head = f"{self.done} {self.unit}  {clock}"
        room = self.width - 1 - len(head) - 2
        label = self.label
        if room < 8:
            return head
        if text_width(label) > room:
            while label and text_width("…" + label) > room:
                label = label[1:]
            label = "…" + label
        return f"{head}  {label}" if label else head

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.tick()


class _Guarded:
    def __init__(self, stream: IO[str], bar: Progress) -> None:
        self._stream = stream
        self._bar = bar

    def write(self, text: str) -> int:
        with self._bar._lock:
            self._bar.clear()
            return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
