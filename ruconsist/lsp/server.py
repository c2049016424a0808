"""The language server: LSP over stdio with ``pygls``.

Opening or editing either file of a pair lints the pair (in one worker
thread, so the protocol keeps answering) and publishes the findings of
both files.  Edits are debounced: a lint starts when typing pauses for
``debounce`` seconds, and a lint overtaken by a newer edit is dropped.
See ``docs/editors.md`` for setting up editors.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from ruconsist import __version__
from ruconsist.incremental import Cancelled
from ruconsist.lsp.session import (
    CONFIG_NAMES,
    Outcome,
    Session,
    absolute,
    code_actions,
    explain_folder,
    hover,
    publishable,
    utf16_units,
)

#: Seconds of quiet after a keystroke before the pair is linted again.
#: Short, because a lint that a later keystroke overtakes stops early
#: (see :meth:`RuconsistServer.lint`): a lint started in a short pause
#: costs a few milliseconds when typing goes on.
DEBOUNCE = 0.05
#: Pairs holding more characters than this are checked when opened and
#: saved, not as the text is typed: a lint of a large catalogue takes
#: seconds of a CPU each time.
LIVE_LIMIT = 512_000
#: Files whose change on disk may change findings: configuration, rule
#: packs and the formats the readers take (a counterpart not open in the
#: editor, changed by a checkout).
WATCHED_GLOB = "**/*.{md,markdown,txt,text,po,json,arb,yaml,yml,xml,xlf,xliff,tmx,srt,vtt,toml}"

log = logging.getLogger(__name__)


class RuconsistServer(LanguageServer):
    def __init__(self, *, plugins: bool = True, debounce: float = DEBOUNCE, live_limit: int = LIVE_LIMIT) -> None:
        super().__init__("ruconsist", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.session = Session(plugins=plugins)
        self.debounce = debounce
        self.live_limit = live_limit
        self.explain_folder = explain_folder()
        #: The latest outcome for each file of each pair linted.
        self.outcomes: dict[Path, Outcome] = {}
        #: The diagnostics last sent for each file, not sent again unchanged
        #: (forgotten when the file is opened or closed: a client may drop
        #: a closed file's).
        self.published: dict[Path, list[lsp.Diagnostic]] = {}
        #: URIs as the client spelt them, by path.
        self.uris: dict[Path, str] = {}
        self._timers: dict[Path, asyncio.Task[None]] = {}
        #: Lints queued or under way: the files each reads, and the event
        #: that an edit of one of them sets to stop it.
        self._lints: list[tuple[frozenset[Path], threading.Event]] = []
        self._told: set[str] = set()
        # One thread: the engine's linters are not shared between threads,
        # and on a shared machine one lint at a time is what helps.
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="ruconsist-lint")

    # Helpers ------------------------------------------------------------

    def units(self, text: str) -> int:
        try:
            return self.workspace.position_codec.client_num_units(text)
        except Exception:  # before initialize
            return utf16_units(text)

    def uri(self, path: Path) -> str:
        return self.uris.get(path) or from_fs_path(str(path)) or path.as_uri()

    def path(self, uri: str) -> Path | None:
        fs = to_fs_path(uri) if uri.startswith("file:") else None
        return absolute(fs) if fs else None

    def open_texts(self) -> dict[Path, str]:
        out = {}
        for uri, doc in self.workspace.text_documents.items():
            path = self.path(uri)
            if path is not None:
                out[path] = doc.source
        return out

    def tell(self, kind: lsp.MessageType, text: str) -> None:
        """A window message, once per text."""
        if text in self._told:
            return
        self._told.add(text)
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=text))

    # Linting ------------------------------------------------------------

    def schedule(self, path: Path, delay: float) -> None:
        self.stop_lints(path)
        old = self._timers.pop(path, None)
        if old is not None:
            old.cancel()
        self._timers[path] = asyncio.ensure_future(self._lint_later(path, delay))

    async def _lint_later(self, path: Path, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self.lint(path)

    async def lint(self, path: Path) -> Outcome | None:
        """Lint the pair of ``path`` and publish it, unless an edit came
        in meanwhile (its own lint follows): an edit of a file of the
        pair stops the lint at its next checkpoint."""
        texts = self.open_texts()
        loop = asyncio.get_running_loop()
        last = self.outcomes.get(path)
        entry = (frozenset(last.files if last is not None else (path,)), threading.Event())
        self._lints.append(entry)
        try:
            outcome = await loop.run_in_executor(self._executor, self.session.lint, path, texts, entry[1].is_set)
            if outcome.stale(self.open_texts()):
                return None
            self.publish(outcome, absolute(path))
        except Cancelled:
            return None
        except Exception as exc:  # a bug: say so and keep serving
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=traceback.format_exc()))
            self.tell(lsp.MessageType.Error, f"ruconsist: internal error while checking {path.name}: {type(exc).__name__}: {exc}")
            return None
        finally:
            self._lints.remove(entry)
        return outcome

    def stop_lints(self, path: Path) -> None:
        """Stop the lints queued or under way that read ``path``: it
        changed in the editor, or a newer lint of it is scheduled."""
        for files, stop in self._lints:
            if path in files:
                stop.set()

    async def fresh(self, path: Path) -> Outcome | None:
        """The outcome for ``path`` as the editor holds it now."""
        outcome = self.outcomes.get(path)
        if outcome is not None and not outcome.stale(self.open_texts()):
            return outcome
        return await self.lint(path)

    def publish(self, outcome: Outcome, linted: Path | None = None) -> None:
        """Send the findings of each file of the pair: always for
        ``linted``, the file whose opening or edit asked for the lint;
        for the other, when they changed."""
        for kind, text in outcome.messages:
            self.tell(kind, text)
        for path, diagnostics in publishable(outcome, self.units, self.explain_folder).items():
            self.outcomes[path] = outcome
            if path != linted and self.published.get(path) == diagnostics:
                # Typing in one file of a pair seldom changes the other's
                # findings: not sent again (a client parses and redraws
                # every list it is sent).
                continue
            self.published[path] = diagnostics
            uri = self.uri(path)
            # The outcome is of the text the editor holds now (it is not
            # stale): its version tells a client which text the findings
            # are of.
            doc = self.workspace.text_documents.get(uri)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=doc.version if doc is not None else None
            ))

    def clear(self, outcome: Outcome) -> None:
        for path in outcome.files:
            if self.outcomes.get(path) is outcome:
                del self.outcomes[path]
            self.published[path] = []
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=self.uri(path), diagnostics=[]))

    def relint_open(self, only: set[Path] | None = None) -> None:
        """Lint again every pair with a file open (or, with ``only``, the
        pairs holding one of those files and those whose configuration
        did not load), once per pair."""
        open_paths = set(self.open_texts())
        done: set[tuple[Path, ...]] = set()
        for path in sorted(open_paths):
            outcome = self.outcomes.get(path)
            files = outcome.files if outcome is not None else (path,)
            # A pair whose configuration failed to load waits for any change.
            wanted = only is None or bool(set(files) & only) or (outcome is not None and outcome.config_failed)
            if files in done or not wanted:
                continue
            done.add(files)
            self.schedule(path, 0)


# Handlers ------------------------------------------------------------


async def initialized(ls: RuconsistServer, params: lsp.InitializedParams) -> None:
    caps = ls.client_capabilities
    watch = caps.workspace and caps.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in ("**/.ruconsist.yaml", "**/.ruconsist.yml", WATCHED_GLOB)]
        )
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[
                lsp.Registration(id="ruconsist-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
            ]))
        except Exception as exc:  # the client refused: changes are still seen on the next lint
            log.info("file watching not registered: %s", exc)
    root = ls.workspace.root_path
    folder = Path(root) if root else Path.cwd()
    await asyncio.get_running_loop().run_in_executor(ls._executor, ls.session.warm_up, absolute(folder))


def did_open(ls: RuconsistServer, params: lsp.DidOpenTextDocumentParams) -> None:
    path = ls.path(params.text_document.uri)
    if path is not None:
        ls.uris[path] = params.text_document.uri
        ls.published.pop(path, None)
        ls.schedule(path, 0)


def did_change(ls: RuconsistServer, params: lsp.DidChangeTextDocumentParams) -> None:
    path = ls.path(params.text_document.uri)
    if path is None:
        return
    ls.stop_lints(path)
    outcome = ls.outcomes.get(path)
    if outcome is not None and outcome.size > ls.live_limit:
        ls.tell(
            lsp.MessageType.Info,
            f"ruconsist: {path.name} and its counterpart hold {outcome.size // 1000:,} thousand characters:"
            " checked when saved, not as you type",
        )
        return
    ls.schedule(path, ls.debounce)


def did_save(ls: RuconsistServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = ls.path(params.text_document.uri)
    if path is None:
        return
    if path.name in CONFIG_NAMES or path in set(ls.session.watched()):
        ls.relint_open()
        return
    outcome = ls.outcomes.get(path)
    if outcome is not None and outcome.size > ls.live_limit:
        ls.schedule(path, 0)  # not checked while typed


def did_close(ls: RuconsistServer, params: lsp.DidCloseTextDocumentParams) -> None:
    path = ls.path(params.text_document.uri)
    if path is None:
        return
    timer = ls._timers.pop(path, None)
    if timer is not None:
        timer.cancel()
    ls.published.pop(path, None)
    outcome = ls.outcomes.get(path)
    if outcome is None:
        return
    still_open = [p for p in outcome.files if p in ls.open_texts()]
    if still_open:
        ls.schedule(still_open[0], 0)  # the closed file is read from disk again
    else:
        ls.clear(outcome)


def did_change_watched(ls: RuconsistServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    changed = {p for p in (ls.path(c.uri) for c in params.changes) if p is not None}
    watched = set(ls.session.watched())
    if any(p.name in CONFIG_NAMES or p in watched for p in changed):
        ls.relint_open()
    else:
        ls.relint_open(only=changed - set(ls.open_texts()))


async def code_action(ls: RuconsistServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    path = ls.path(params.text_document.uri)
    if path is None:
        return None
    outcome = await ls.fresh(path)
    if outcome is None:
        return None
    return code_actions(outcome, path, params.range, ls.units, ls.explain_folder, params.context.only) or None


async def on_hover(ls: RuconsistServer, params: lsp.HoverParams) -> lsp.Hover | None:
    path = ls.path(params.text_document.uri)
    if path is None:
        return None
    outcome = await ls.fresh(path)
    return hover(outcome, path, params.position, ls.units) if outcome is not None else None


def on_shutdown(ls: RuconsistServer, params: None) -> None:
    for timer in ls._timers.values():
        timer.cancel()
    ls._executor.shutdown(wait=False, cancel_futures=True)

#: The requests and notifications served: (method, options, handler).
FEATURES: tuple[tuple[str, Any, Callable[..., Any]], ...] = (
    (lsp.INITIALIZED, None, initialized),
    (lsp.TEXT_DOCUMENT_DID_OPEN, None, did_open),
    (lsp.TEXT_DOCUMENT_DID_CHANGE, None, did_change),
    (lsp.TEXT_DOCUMENT_DID_SAVE, None, did_save),
    (lsp.TEXT_DOCUMENT_DID_CLOSE, None, did_close),
    (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, did_change_watched),
    (
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]),
        code_action,
    ),
    (lsp.TEXT_DOCUMENT_HOVER, None, on_hover),
    (lsp.SHUTDOWN, None, on_shutdown),
)


def build(plugins: bool = True, debounce: float = DEBOUNCE, live_limit: int = LIVE_LIMIT) -> RuconsistServer:
    server = RuconsistServer(plugins=plugins, debounce=debounce, live_limit=live_limit)
    for method, options, handler in FEATURES:
        server.feature(method, options)(handler)
    return server


def serve(plugins: bool = True, debounce: float = DEBOUNCE, live_limit: int = LIVE_LIMIT) -> None:
    build(plugins=plugins, debounce=debounce, live_limit=live_limit).start_io()
