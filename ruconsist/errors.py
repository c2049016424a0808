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
