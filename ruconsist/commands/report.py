"""``ruconsist report PATHS -o report.html``: the side-by-side HTML report.

Lints like ``check`` (same pairing, configuration, selection and rule
packs) and writes one self-contained HTML page: the aligned RU and ZH
segments of every pair, names, titles, numbers and dates linked to their
counterparts, the findings in place, a filter by category and severity,
and a summary table per file pair.
"""

from __future__ import annotations

import argparse
from typing import IO, Any

NAME = "report"


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report",
        help="write an HTML report with RU and ZH side by side",
        description="Lint file pairs and write one self-contained HTML page with the aligned segments side by side.",
    )
    from ruconsist.commands.common import input_arguments, selection_arguments

    p.add_argument("-o", "--output-file", required=True, metavar="FILE", help="the HTML file to write ('-' for stdout)")
    p.add_argument("--title", help="the page title (default: ruconsist report)")
    input_arguments(p)
    selection_arguments(p)
    p.add_argument("-c", "--config", help="configuration file (default: .ruconsist.yaml found upwards)")
    p.add_argument("--encoding", help="read input files in this encoding")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    from ruconsist.commands.common import table_arguments as _table_arguments

    _table_arguments(p)


def write_text(path: str, text: str) -> None:
    """Write the page in one step, so a browser reloading it never sees
    half a file."""
    from ruconsist.atomic import write_atomic

    write_atomic(path, text.encode("utf-8", "backslashreplace"))


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Lint the pairs and write the page through the ``html`` formatter
    (:class:`ruconsist.formatters.html.HtmlFormatter`), the same as
    ``check --format html``."""
    import io
    import os

    from ruconsist import __version__
    from ruconsist.commands.common import EXIT_OK, EXIT_USAGE
    from ruconsist.commands.common import linter_from_args as _linter
    from ruconsist.commands.terms import file_pairs, linted
    from ruconsist.errors import ConfigError
    from ruconsist.formatters.base import RunInfo, Summary
    from ruconsist.formatters.html import DEFAULT_TITLE, HtmlFormatter
    from ruconsist.progress import Progress

    if args.output_file != "-" and os.path.isdir(args.output_file):
        raise ConfigError(f"usage: -o {args.output_file!r} is a directory; give the HTML file to write")
    linter = _linter(args)
    pairs = file_pairs(linter, args)
    buffer = io.StringIO()
    formatter = HtmlFormatter(buffer)
    formatter.title = args.title or DEFAULT_TITLE
    formatter.run = RunInfo(codes=linter.codes, root=linter.config.root, tool_version=__version__)
    formatter.begin()
    failed: list[object] = []
    with Progress(len(pairs), err) as bar:
        for result in linted(linter, pairs, bar, err, failed):
            formatter.handle(result.diagnostics, result)
        formatter.handle(linter.finish_run(), None)
    formatter.finish(Summary())
    page = buffer.getvalue()
    if args.output_file == "-":
        out.write(page)
    else:
        try:
            write_text(args.output_file, page)
        except OSError as exc:
            raise ConfigError(f"cannot write {args.output_file!r}: {exc.strerror or exc}") from None
    return EXIT_USAGE if failed else EXIT_OK
