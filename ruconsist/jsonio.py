"""JSON parsed from untrusted files, every parser limit an error that
names the file and line."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from ruconsist.errors import RuconsistError

_LONG_NUMBER = re.compile(r"-?\d{%d,}" % (sys.get_int_max_str_digits() + 1 if sys.get_int_max_str_digits() else 4301))


def loads(text: str, path: str, error: type[RuconsistError], what: str = "") -> Any:
    """``json.loads(text)``; a syntax error, nesting past the recursion
    limit or an integer past Python's digit limit raise ``error`` with
    ``path`` and the line; ``what`` ("baseline") starts the message."""
    prefix = f"{what} is " if what else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{prefix}not valid JSON: {exc.msg} (column {exc.colno})", path, exc.lineno) from None
    except RecursionError:
        raise error(f"{prefix}JSON nested too deeply", path) from None
    except ValueError as exc:
        m = _LONG_NUMBER.search(text)
        if m is None:
            raise error(f"{prefix}not readable JSON: {exc}", path) from None
        line = text.count("\n", 0, m.start()) + 1
        raise error(f"a number of {len(m.group().lstrip('-'))} digits; at most {sys.get_int_max_str_digits()} can be read", path, line) from None
