"""``--format github``: GitHub Actions workflow commands.

Each finding annotates both files of the pair in the pull request's
"Files changed" view: the flagged text, and the aligned text in the
other language (titled "… (ZH counterpart)")::

    ::error file=a.ru.md,line=3,col=1,endLine=3,endColumn=7,title=TRM001 term-missing::RU 'Лавров' …

``info`` findings are notices.  Columns are given only when a span
starts and ends on the same line (GitHub ignores them otherwise).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruconsist.diagnostic import Diagnostic, Location, Severity
from ruconsist.formatters.base import Formatter, Summary, summary_line
from ruconsist.lang import LANG_NAME

if TYPE_CHECKING:
    from ruconsist.result import PairResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, loc: Location, title: str, message: str) -> str:
    props = [f"file={escape_property(loc.path)}", f"line={loc.line}"]
    if loc.end_line == loc.line:
        props.append(f"col={loc.column}")
    props.append(f"endLine={loc.end_line}")
    if loc.end_line == loc.line:
        props.append(f"endColumn={loc.end_column}")
    props.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(props)}::{escape_data(message)}\n"


class GithubFormatter(Formatter):
    """Workflow commands that annotate both files of each finding."""

    name = "github"

    def handle(self, diagnostics: list[Diagnostic], result: PairResult | None) -> None:
        for d in diagnostics:
            kind = COMMANDS[d.severity]
            title = f"{d.code} {d.slug}"
            self.stream.write(command(kind, d.location, title, d.message))
            cp = d.counterpart
            if cp is not None:
                where = d.location.short()
                self.stream.write(
                    command(
                        kind,
                        cp,
                        f"{title} ({LANG_NAME.get(cp.lang, cp.lang)} counterpart)",
                        f"{d.message} (flagged at {where})",
                    )
                )

    def finish(self, summary: Summary) -> None:
        for exc in summary.input_errors:
            path = getattr(exc, "path", None)
            message = getattr(exc, "message", str(exc))
            if path:
                line = getattr(exc, "line", None) or 1
                self.stream.write(f"::error file={escape_property(path)},line={line},title=ruconsist::{escape_data(message)}\n")
            else:
                self.stream.write(f"::error title=ruconsist::{escape_data(message)}\n")
        self.stream.write(summary_line(summary) + "\n")
