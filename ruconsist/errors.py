"""Errors that end in one clear line on stderr and exit code 2."""

from __future__ import annotations


class RuconsistError(Exception):
    """A problem with the user's input, rules or configuration.

    Rendered as ``path:line: message`` (or ``path: message``) with no
    traceback.
    """

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Sent back from worker processes with its file and line.
        return (_rebuild, (type(self), self.__dict__))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(RuconsistError):
    """A file that cannot be read as text of the expected kind."""


class RuleError(RuconsistError):
    """A rule pack that does not validate."""


class ConfigError(RuconsistError):
    """A configuration file or option that does not validate."""


class NotChecked(RuconsistError):
    """A pair that could not be checked because of a bug: an unexpected
    exception in a reader, a check, a plugin or a formatter step.  The
    other pairs of the run are still checked and reported; the run ends
    with exit code 3 once all output is written."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, *, stage: str = "check", detail: str = "") -> None:
        super().__init__(message, path, line)
        self.stage = stage
        #: The traceback, shown with RUCONSIST_DEBUG=1.
        self.detail = detail

    @classmethod
    def from_exception(cls, exc: BaseException, path: str | None, stage: str) -> NotChecked:
        import traceback

        cause = " ".join(f"{type(exc).__name__}: {exc}".split())
        if len(cause) > 200:
            cause = cause[:199] + "…"
        detail = "".join(traceback.format_exception(exc))
        return cls(f"not checked ({stage}): internal error: {cause}", path, stage=stage, detail=detail)


def _rebuild(cls: type[RuconsistError], state: dict[str, object]) -> RuconsistError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, state.get("message"))
    exc.__dict__.update(state)
    return exc
