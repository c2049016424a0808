"""How long after a pause in typing the editor shows findings.

Starts ``ruconsist lsp`` as an editor would (a subprocess speaking LSP
over stdio, driven by pygls's client), opens both files of a pair of
about 200 paragraphs, then types into the Chinese file: three keystrokes
50 ms apart (a burst), and three 150 ms apart (steady typing: each pause
is long enough for a lint to start, and the next keystroke stops it),
and measures from the last keystroke to the diagnostics the server
publishes for it.  That time is the debounce (the server waits for
typing to pause) plus one lint of the pair.  It also times the lint
alone, in this process, through the same entry point the server uses:
from scratch, and after a keystroke, when the server re-checks only the
beads whose text changed (``ruconsist.incremental``).

    python bench/lsp_latency.py                 # the bundled article, repeated to 200 paragraphs
    python bench/lsp_latency.py --corpus DIR    # 200 NTREX sentence pairs (lines 1-200) as paragraphs

It prints figures and asserts nothing; the target is 300 ms.  On a
loaded machine compare the lint's CPU time, which does not stretch with
other processes' work, with the wall times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 300
#: Seconds between keystrokes: a burst, and steady typing.
GAP_BURST, GAP_TYPING = 0.05, 0.15


def article_pair(paragraphs: int) -> tuple[str, str]:
    """The bundled article's paragraphs, repeated until there are
    ``paragraphs`` on the Russian side."""
    ru = [p for p in (REPO / "examples/2026-02-04-call.ru.md").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    zh = [p for p in (REPO / "examples/2026-02-04-call.zh.md").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    times = -(-paragraphs // len(ru))
    return "\n\n".join((ru * times)[:paragraphs]) + "\n", "\n\n".join(zh * times) + "\n"


def ntrex_pair(corpus: Path, paragraphs: int) -> tuple[str, str]:
    folder = corpus / "ntrex128"
    ru_file, zh_file = folder / "newstest2019-ref.rus.txt", folder / "newstest2019-ref.zho-CN.txt"
    ru = ru_file.read_text(encoding="utf-8").splitlines()[:paragraphs]
    zh = zh_file.read_text(encoding="utf-8").splitlines()[:paragraphs]
    return "\n\n".join(ru) + "\n", "\n\n".join(zh) + "\n"


async def measure(ru_text: str, zh_text: str, rounds: int, debounce_ms: int) -> dict[float, list[float]]:
    """Milliseconds from the last keystroke to the findings, by the gap
    in seconds between keystrokes."""
    published: dict[str, asyncio.Event] = {}
    arrivals: dict[str, float] = {}
    versions: dict[str, int] = {}
    client = LanguageClient("ruconsist-bench", "1")

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: lsp.PublishDiagnosticsParams) -> None:
        # Only the findings of the text last typed count (a lint started
        # in a pause may finish before the server reads the next keystroke).
        if params.version is not None and params.version != versions.get(params.uri, params.version):
            return
        arrivals[params.uri] = time.perf_counter()
        published.setdefault(params.uri, asyncio.Event()).set()

    @client.feature(lsp.WINDOW_SHOW_MESSAGE)
    def on_message(params: lsp.ShowMessageParams) -> None:
        print(f"  server says: {params.message}")

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    await client.start_io(sys.executable, "-m", "ruconsist", "lsp", "--no-plugins", "--debounce", str(debounce_ms), env=env)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ru_path, zh_path = folder / "article.ru.md", folder / "article.zh.md"
        ru_path.write_text(ru_text, encoding="utf-8")
        zh_path.write_text(zh_text, encoding="utf-8")
        await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=folder.as_uri()))
        client.initialized(lsp.InitializedParams())
        uris = {}
        for path, text in ((ru_path, ru_text), (zh_path, zh_text)):
            uri = uris[path] = path.as_uri()
            published[uri] = asyncio.Event()
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            ))
        zh_uri = uris[zh_path]
        start = time.perf_counter()
        await asyncio.wait_for(published[zh_uri].wait(), 120)
        print(f"  first diagnostics after opening: {1000 * (time.perf_counter() - start):.0f} ms (includes the warm-up)")
        # Type in the middle of the Chinese file.
        line = zh_text[: len(zh_text) // 2].count("\n")
        version = 1
        latencies: dict[float, list[float]] = {GAP_BURST: [], GAP_TYPING: []}
        for k in range(2 * rounds):
            gap = GAP_BURST if k % 2 == 0 else GAP_TYPING
            await asyncio.sleep(0.5)
            for ch in "北京，":
                version += 1
                versions[zh_uri] = version
                published[zh_uri].clear()
                client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=zh_uri, version=version),
                    content_changes=[lsp.TextDocumentContentChangePartial(
                        range=lsp.Range(start=lsp.Position(line=line, character=0), end=lsp.Position(line=line, character=0)),
                        text=ch,
                    )],
                ))
                last = time.perf_counter()
                if ch != "，":
                    await asyncio.sleep(gap)
            await asyncio.wait_for(published[zh_uri].wait(), 120)
            latencies[gap].append(1000 * (arrivals[zh_uri] - last))
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return latencies


def lint_alone(ru_text: str, zh_text: str, rounds: int) -> dict[str, list[float]]:
    """CPU milliseconds of one lint of the pair in this process, through
    the server's entry point: from scratch (nothing kept from an earlier
    lint), and after a keystroke in the middle of the Chinese file (the
    last lint's beads reused); and the CPU milliseconds of making the
    findings after a keystroke into the JSON the server sends (both
    files' diagnostics, as the server converts and encodes them)."""
    sys.path.insert(0, str(REPO))
    import json

    from pygls.protocol import default_converter

    from ruconsist.lsp.session import Session, publishable, utf16_units

    converter = default_converter()
    out: dict[str, list[float]] = {"scratch": [], "edit": [], "edit-wall": [], "send": []}
    with tempfile.TemporaryDirectory() as tmp:
        ru_path, zh_path = Path(tmp) / "article.ru.md", Path(tmp) / "article.zh.md"
        texts = {ru_path: ru_text, zh_path: zh_text}
        for path, text in texts.items():
            path.write_text(text, encoding="utf-8")
        session = Session(plugins=False)
        session.warm_up(Path(tmp))  # as the server does on start
        session.lint(zh_path, texts)
        for _ in range(rounds):
            session.forget_reuse()
            c = time.thread_time()
            session.lint(zh_path, texts)
            out["scratch"].append(1000 * (time.thread_time() - c))
        middle = len(zh_text) // 2
        for k in range(rounds):
            typed = {ru_path: ru_text, zh_path: zh_text[:middle] + "北京，"[: k % 3 + 1] + zh_text[middle:]}
            t, c = time.perf_counter(), time.thread_time()
            outcome = session.lint(zh_path, typed)
            out["edit-wall"].append(1000 * (time.perf_counter() - t))
            out["edit"].append(1000 * (time.thread_time() - c))
            c = time.thread_time()
            for diagnostics in publishable(outcome, utf16_units, None).values():
                json.dumps(converter.unstructure(diagnostics))
            out["send"].append(1000 * (time.thread_time() - c))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--debounce", type=int, default=50, metavar="MS")
    ap.add_argument("--corpus", type=Path, default=os.environ.get("RUCONSIST_CORPUS"), help="use NTREX sentences from this corpus")
    args = ap.parse_args()
    ru, zh = ntrex_pair(args.corpus, args.paragraphs) if args.corpus else article_pair(args.paragraphs)
    what = "NTREX sentences" if args.corpus else "the bundled article, repeated"
    print(f"pair: {what}; RU {ru.count(chr(10) * 2) + 1} paragraphs, {len(ru):,} characters; ZH {len(zh):,} characters")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    alone = lint_alone(ru, zh, args.rounds)
    # CPU time does not stretch with other processes' load; wall time does.
    scratch, edit = statistics.median(alone["scratch"]), statistics.median(alone["edit"])
    print(
        f"one lint of the pair (in process, CPU): from scratch median {scratch:.0f} ms (min {min(alone['scratch']):.0f});"
        f" after a keystroke median {edit:.0f} ms (min {min(alone['edit']):.0f}, wall median"
        f" {statistics.median(alone['edit-wall']):.0f}); {scratch / edit:.1f}x less"
    )
    send = statistics.median(alone["send"])
    # What an idle core would take: the debounce, the lint and making
    # the message, all CPU-bound but the wait (the pipe adds little).
    idle = args.debounce + edit + send
    print(
        f"findings to JSON (CPU): median {send:.0f} ms; on an idle core, last keystroke -> findings sent"
        f" = {args.debounce} + {edit:.0f} + {send:.0f} = {idle:.0f} ms; target {TARGET_MS} ms ({idle / TARGET_MS:.2f}x)"
    )
    by_gap = asyncio.run(measure(ru, zh, args.rounds, args.debounce))
    for gap, latencies in by_gap.items():
        med = statistics.median(latencies)
        print(
            f"last keystroke -> diagnostics over stdio (debounce {args.debounce} ms, keystrokes {1000 * gap:.0f} ms apart):"
            f" median {med:.0f} ms, min {min(latencies):.0f} ms, max {max(latencies):.0f} ms;"
            f" target {TARGET_MS} ms ({med / TARGET_MS:.2f}x)"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
