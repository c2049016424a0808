"""``ruconsist lsp``: the language server, over stdio (see
``docs/editors.md``).  ``pygls`` is imported only here, when the server
starts, so the other commands start as fast as before."""

from __future__ import annotations

import argparse
from typing import IO, Any

NAME = "lsp"


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "lsp",
        help="run the language server (LSP over stdio) for editors",
        description=(
            "Speak the Language Server Protocol on standard input and output: findings of the pair"
            " of each file opened in the editor, as the text is typed; quick fixes; explanations on hover."
        ),
    )
    p.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the only transport")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    p.add_argument(
        "--debounce", type=int, default=50, metavar="MS",
        help="lint a pair again once typing has paused this long (default 50 ms; a later keystroke stops the lint)",
    )
    p.add_argument(
        "--live-limit", type=int, default=512, metavar="K",
        help="pairs of more than K thousand characters are checked when saved, not as you type (default 512)",
    )


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    import logging

    from ruconsist.errors import ConfigError

    if args.debounce < 0:
        raise ConfigError("usage: --debounce takes milliseconds, 0 or more")
    if args.live_limit < 0:
        raise ConfigError("usage: --live-limit takes thousands of characters, 0 or more")
    try:
        from ruconsist.lsp.server import serve
    except ImportError as exc:  # an install without its dependencies
        raise ConfigError(f"the language server needs pygls and lsprotocol ({exc}); pip install ruconsist again") from None
    # pygls logs to stderr; stdout is the protocol's.
    logging.basicConfig(level=logging.WARNING, format="ruconsist lsp: %(levelname)s: %(message)s")
    serve(plugins=not args.no_plugins, debounce=args.debounce / 1000, live_limit=args.live_limit * 1000)
    return 0
