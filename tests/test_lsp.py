"""``ruconsist lsp`` end to end: a real LSP client (pytest-lsp) drives
the server over stdio, as an editor would.

Each test starts the server, opens files of a pair in a temporary
folder, and waits for what the server publishes.  The sentences are
written for these tests, in the manner of the news pairs the checks are
tuned on.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parent.parent

RU = (
    "# Встреча\n\n"
    "Владимир Путин встретился с Си Цзиньпином в Москве 4 февраля 2026 года.\n\n"
    "Стороны подписали 12 соглашений о сотрудничестве.\n"
)
#: A name joined with '*' (NAM001) and 15 agreements for 12 (NUM001).
ZH = (
    "# 会见\n\n"
    "2026年2月4日，弗拉基米尔*普京在莫斯科会见了习近平。\n\n"
    "双方签署了15项合作协议。\n"
)

def server(*args: str, path: Sequence[Path] = (), **env: str) -> ClientServerConfig:
    """``ruconsist lsp ARGS`` from this checkout, with ``path`` added to
    its import path."""
    return ClientServerConfig(
        server_command=[sys.executable, "-m", "ruconsist", "lsp", "--debounce", "50", *args],
        server_env={**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in (REPO, *path)), **env},
    )


SERVER = server("--no-plugins")


async def vscode_session(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A client with VS Code's capabilities."""
    registrations: list[lsp.Registration] = []
    lsp_client.registrations = registrations  # type: ignore[attr-defined]

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        # As VS Code does: accept the file watchers the server asks for.
        registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=REPO.as_uri())
    )
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:  # not shut down by the test
        await lsp_client.shutdown_session()


#: A server of its own for each test that shuts it down or changes what
#: it reads (the configuration, a pack).
client = pytest_lsp.fixture(vscode_session, config=SERVER)
#: One server for the tests that only open, edit and close files of
#: their own folder: each server costs a second of CPU to start and warm.
shared_client = pytest_lsp.fixture(vscode_session, config=SERVER, scope="module")


async def published(
    client: LanguageClient, uri: str, until: Callable[[Sequence[lsp.Diagnostic]], bool], timeout: float = 30.0
) -> Sequence[lsp.Diagnostic]:
    """The diagnostics of ``uri`` once ``until`` holds for them."""

    async def wait() -> Sequence[lsp.Diagnostic]:
        while True:
            got = client.diagnostics.get(uri)
            if got is not None and until(got):
                return list(got)
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), timeout)


def codes(diags: Sequence[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


def open_file(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
    )
    return uri


def edit(client: LanguageClient, uri: str, version: int, edits: Sequence[lsp.TextEdit]) -> None:
    """Send ``edits`` as incremental changes (last first, so that earlier
    ranges stay valid, as editors apply a workspace edit)."""
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                lsp.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered
            ],
        )
    )


def at(line: int, character: int) -> lsp.Position:
    return lsp.Position(line=line, character=character)


@pytest.mark.asyncio
async def test_pair_findings_quick_fix_and_correction(client: LanguageClient, tmp_path: Path):
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    ru_uri = (tmp_path / "a.ru.md").as_uri()
    zh_uri = open_file(client, tmp_path / "a.zh.md", ZH)

    diags = await published(client, zh_uri, lambda d: bool(d))
    assert codes(diags) == ["NAM001", "NUM001"]
    name = next(d for d in diags if d.code == "NAM001")
    number = next(d for d in diags if d.code == "NUM001")
    assert name.severity == number.severity == lsp.DiagnosticSeverity.Error
    assert name.source == "ruconsist"
    # 2026年2月4日， is 10 characters (UTF-16 units too) before the name.
    assert name.range == lsp.Range(start=at(2, 10), end=at(2, 18))
    assert name.message.startswith("ZH name '弗拉基米尔*普京' joins its parts with '*'")
    assert name.related_information is not None
    related = name.related_information[0]
    assert related.location.uri == ru_uri
    assert related.location.range.start.line == 2
    assert related.message == "RU counterpart"
    assert number.range == lsp.Range(start=at(4, 5), end=at(4, 7))
    assert number.related_information[0].location.range == lsp.Range(start=at(4, 18), end=at(4, 20))
    # The code links to a page holding `ruconsist explain NAM001`.
    assert name.code_description is not None
    page = Path(name.code_description.href.removeprefix("file://"))
    assert page.read_text(encoding="utf-8").startswith("NAM001 name-separator")
    # The counterpart was read from disk; its own findings are published too.
    assert await published(client, ru_uri, lambda d: True) == []

    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=zh_uri), position=at(2, 12))
    )
    assert hover is not None and "NAM001 name-separator" in hover.contents.value
    assert "弗拉基米尔·普京" in hover.contents.value  # the explanation's PASS example

    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=zh_uri),
            range=name.range,
            context=lsp.CodeActionContext(diagnostics=[name]),
        )
    )
    titles = [a.title for a in actions]
    assert titles[0] == "Fix NAM001: '弗拉基米尔*普京' → '弗拉基米尔·普京'"
    assert "Disable NAM001 for this line (ruconsist comment)" in titles
    fix = actions[0]
    assert fix.kind == lsp.CodeActionKind.QuickFix and fix.is_preferred
    edits = fix.edit.changes[zh_uri]
    assert [(e.range, e.new_text) for e in edits] == [(name.range, "弗拉基米尔·普京")]

    edit(client, zh_uri, 2, edits)
    diags = await published(client, zh_uri, lambda d: codes(d) == ["NUM001"])
    assert diags[0].range == number.range

    # Typing the right number: delete '15', then type '1' and '2'.
    edit(client, zh_uri, 3, [lsp.TextEdit(range=lsp.Range(start=at(4, 5), end=at(4, 7)), new_text="")])
    edit(client, zh_uri, 4, [lsp.TextEdit(range=lsp.Range(start=at(4, 5), end=at(4, 5)), new_text="1")])
    edit(client, zh_uri, 5, [lsp.TextEdit(range=lsp.Range(start=at(4, 6), end=at(4, 6)), new_text="2")])
    assert await published(client, zh_uri, lambda d: not d) == []

    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0


@pytest.mark.asyncio(loop_scope="module")
async def test_editing_one_file_republishes_the_other(shared_client: LanguageClient, tmp_path: Path):
    """The RU file's unsaved text is what the ZH file is checked against."""
    client = shared_client
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH.replace("*", "·"), encoding="utf-8")
    zh_uri = open_file(client, tmp_path / "a.zh.md", ZH.replace("*", "·"))
    ru_uri = open_file(client, tmp_path / "a.ru.md", RU)
    await published(client, zh_uri, lambda d: codes(d) == ["NUM001"])
    # RU now says 15 too: the ZH file's finding goes, though only RU changed.
    edit(client, ru_uri, 2, [lsp.TextEdit(range=lsp.Range(start=at(4, 18), end=at(4, 20)), new_text="15")])
    assert await published(client, zh_uri, lambda d: not d) == []
    assert await published(client, ru_uri, lambda d: not d) == []
    # Closing RU with the edit unsaved: ZH is checked against the disk again.
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=ru_uri)))
    await published(client, zh_uri, lambda d: codes(d) == ["NUM001"])


@pytest.mark.asyncio(loop_scope="module")
async def test_disable_comment_silences_the_finding(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    zh_uri = open_file(client, tmp_path / "a.zh.md", ZH)
    diags = await published(client, zh_uri, lambda d: bool(d))
    number = next(d for d in diags if d.code == "NUM001")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=zh_uri),
            range=number.range,
            context=lsp.CodeActionContext(diagnostics=[number]),
        )
    )
    disable = next(a for a in actions if a.title.startswith("Disable NUM001"))
    (insertion,) = disable.edit.changes[zh_uri]
    assert insertion.new_text == " <!-- ruconsist: disable-line NUM001 -->"
    assert insertion.range.start == at(4, len("双方签署了15项合作协议。"))
    edit(client, zh_uri, 2, [insertion])
    assert codes(await published(client, zh_uri, lambda d: "NUM001" not in codes(d))) == ["NAM001"]


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_offers_every_safe_fix(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    zh = ZH.replace("双方签署了15项", "双方签署了12项,涉及").replace("习近平。", "习近平,并会见了弗拉基米尔*普京。")
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    zh_uri = open_file(client, tmp_path / "a.zh.md", zh)
    diags = await published(client, zh_uri, lambda d: bool(d))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=zh_uri),
            range=lsp.Range(start=at(0, 0), end=at(0, 0)),
            context=lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll]),
        )
    )
    (fix_all,) = actions
    fixable = [d for d in diags if d.data and d.data.get("fixable")]
    assert len(fixable) >= 3
    assert len(fix_all.edit.changes[zh_uri]) == len(fixable)
    assert {e.new_text for e in fix_all.edit.changes[zh_uri]} >= {"弗拉基米尔·普京", "，"}


# Bad input ------------------------------------------------------------------


@pytest.mark.asyncio(loop_scope="module")
async def test_file_in_no_pair_gets_a_message_and_no_findings(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    uri = open_file(client, tmp_path / "notes.md", "Shopping list: milk, bread.\n")
    assert await published(client, uri, lambda d: True) == []
    assert any("notes.md belongs to no RU/ZH pair" in m.message for m in client.messages)


@pytest.mark.asyncio(loop_scope="module")
async def test_untagged_bilingual_file_is_checked(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    text = RU + "\n" + ZH
    uri = open_file(client, tmp_path / "article.txt", text, language="plaintext")
    diags = await published(client, uri, lambda d: bool(d))
    assert "NAM001" in codes(diags)


@pytest.mark.asyncio(loop_scope="module")
async def test_binary_file_gets_a_diagnostic(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    uri = open_file(client, tmp_path / "a.zh.md", "\x00\x01PK\x03\x04 binary")
    (diag,) = await published(client, uri, lambda d: bool(d))
    assert diag.message == "binary file (contains NUL bytes)"
    assert diag.severity == lsp.DiagnosticSeverity.Error
    # The server still serves: a good buffer is checked.
    edit(client, uri, 2, [lsp.TextEdit(range=lsp.Range(start=at(0, 0), end=at(0, 18)), new_text=ZH)])
    assert codes(await published(client, uri, lambda d: d and d[0].code is not None)) == ["NAM001", "NUM001"]


@pytest.mark.asyncio(loop_scope="module")
async def test_missing_counterpart_is_reported(shared_client: LanguageClient, tmp_path: Path):
    client = shared_client
    uri = open_file(client, tmp_path / "b.zh.md", ZH)
    (diag,) = await published(client, uri, lambda d: bool(d))
    assert diag.code == "ALN001"
    assert "has no counterpart (expected" in diag.message


@pytest.mark.asyncio
async def test_broken_pack_then_fixed(client: LanguageClient, tmp_path: Path):
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "house.yaml").write_text("terms:\n  - ru: [Путин\n", encoding="utf-8")
    (tmp_path / ".ruconsist.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    uri = open_file(client, tmp_path / "a.zh.md", ZH)
    (diag,) = await published(client, uri, lambda d: bool(d))
    assert diag.message.startswith("configuration: ") and "house.yaml" in diag.message
    assert any("house.yaml" in m.message and m.type == lsp.MessageType.Error for m in client.messages)
    # Repaired on disk: the change is seen and the pair checked again.
    (tmp_path / "house.yaml").write_text("terms: []\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=(tmp_path / "house.yaml").as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    assert codes(await published(client, uri, lambda d: d and d[0].code is not None)) == ["NAM001", "NUM001"]


@pytest.mark.asyncio
async def test_configuration_change_is_picked_up(client: LanguageClient, tmp_path: Path):
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    uri = open_file(client, tmp_path / "a.zh.md", ZH)
    await published(client, uri, lambda d: codes(d) == ["NAM001", "NUM001"])
    (tmp_path / ".ruconsist.yaml").write_text("ignore: [NUM]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=(tmp_path / ".ruconsist.yaml").as_uri(), type=lsp.FileChangeType.Created)]
        )
    )
    assert codes(await published(client, uri, lambda d: codes(d) == ["NAM001"])) == ["NAM001"]


def test_lsp_command_line_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from ruconsist.cli import main

    assert main(["lsp", "--debounce", "-1"]) == 2
    assert capsys.readouterr().err == "ruconsist: usage: --debounce takes milliseconds, 0 or more\n"


def test_check_does_not_import_the_server() -> None:
    """pygls loads only for ``ruconsist lsp``: a pre-commit run of
    ``check`` starts as fast as before."""
    import subprocess

    code = (
        "import sys\n"
        "from ruconsist.cli import main\n"
        "main(['check', 'examples/2026-02-04-call.ru.md', '--exit-zero', '--no-plugins', '-o', '/dev/null', '-f', 'json'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


async def plain_session(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    """A client that offers no optional capability."""
    await lsp_client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=REPO.as_uri()))
    yield
    await lsp_client.shutdown_session()


save_only_client = pytest_lsp.fixture(plain_session, config=server("--no-plugins", "--live-limit", "0"))


@pytest.mark.asyncio
async def test_large_pair_is_checked_on_save_not_while_typed(save_only_client: LanguageClient, tmp_path: Path):
    client = save_only_client
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    uri = open_file(client, tmp_path / "a.zh.md", ZH)
    await published(client, uri, lambda d: codes(d) == ["NAM001", "NUM001"])
    client.diagnostics.pop(uri)
    edit(client, uri, 2, [lsp.TextEdit(range=lsp.Range(start=at(4, 5), end=at(4, 7)), new_text="12")])
    await asyncio.sleep(1.0)
    assert uri not in client.diagnostics  # typing alone does not lint
    assert any("checked when saved, not as you type" in m.message for m in client.messages)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri)))
    assert codes(await published(client, uri, lambda d: True)) == ["NAM001"]


#: With a plugin (tests/data/lsp_plugin) whose check raises on 'СБОЙ'.
crashy_client = pytest_lsp.fixture(
    plain_session, config=server(path=[REPO / "tests/data/lsp_plugin"], RUCONSIST_PLUGINS="crashy")
)


@pytest.mark.asyncio
async def test_a_failing_check_is_reported_and_the_server_keeps_serving(crashy_client: LanguageClient, tmp_path: Path):
    client = crashy_client
    (tmp_path / "a.ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    ru_uri = open_file(client, tmp_path / "a.ru.md", RU.replace("Стороны", "СБОЙ. Стороны"))
    zh_uri = open_file(client, tmp_path / "a.zh.md", ZH)
    # Reported where the check failed, as `ruconsist check` reports it.
    (problem,) = await published(client, ru_uri, lambda d: any("internal error" in x.message for x in d))
    assert problem.severity == lsp.DiagnosticSeverity.Error
    assert problem.range.start.line == 4
    assert "not checked (check XCR001): internal error: RuntimeError: the crashy check failed on purpose" in problem.message
    # The paragraph repaired: the pair is checked as usual.
    edit(client, ru_uri, 2, [lsp.TextEdit(range=lsp.Range(start=at(4, 0), end=at(4, 6)), new_text="")])
    assert codes(await published(client, zh_uri, lambda d: bool(d))) == ["NAM001", "NUM001"]


#: Every keystroke starts a lint at once, and the next keystroke stops it.
eager_client = pytest_lsp.fixture(plain_session, config=server("--no-plugins", "--debounce", "0"))


@pytest.mark.asyncio
async def test_typing_without_pause_ends_with_the_findings_of_the_last_text(eager_client: LanguageClient, tmp_path: Path):
    """Keystrokes 10 ms apart into a pair long enough that each lint is
    overtaken by the next keystroke: the findings published for the last
    version typed (publications name their version) are those of
    ``ruconsist check`` on the final texts, and nothing fails on the way."""
    client = eager_client
    article_ru = (REPO / "examples/2026-02-04-call.ru.md").read_text(encoding="utf-8")
    article_zh = (REPO / "examples/2026-02-04-call.zh.md").read_text(encoding="utf-8")
    ru_text, zh_text = RU + "\n" + article_ru, ZH + "\n" + article_zh
    (tmp_path / "a.ru.md").write_text(ru_text, encoding="utf-8")
    (tmp_path / "a.zh.md").write_text(zh_text, encoding="utf-8")
    uri = open_file(client, tmp_path / "a.zh.md", zh_text)
    await published(client, uri, lambda d: "NUM001" in codes(d))
    # Type ten times '北京，' at the start of the first paragraph (so it
    # reads '，京北' ten times), then correct 15 to 12.
    version = 1
    for k in range(30):
        version += 1
        edit(client, uri, version, [lsp.TextEdit(range=lsp.Range(start=at(2, 0), end=at(2, 0)), new_text="北京，"[k % 3])])
        await asyncio.sleep(0.01)
    version += 1
    edit(client, uri, version, [lsp.TextEdit(range=lsp.Range(start=at(4, 5), end=at(4, 7)), new_text="12")])

    async def findings_of_last_version() -> Sequence[lsp.Diagnostic]:
        # Each publication names the version of the text it is of.
        while True:
            params = await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and params.version == version:
                return params.diagnostics

    got = await asyncio.wait_for(findings_of_last_version(), 30)
    final = "\n".join(zh_text.split("\n")[:2]) + "\n" + "，京北" * 10 + "\n".join(zh_text.split("\n")[2:])
    final = final.replace("15项", "12项", 1)

    from ruconsist.lsp.session import Session

    expected = Session(plugins=False).lint(tmp_path / "a.zh.md", {tmp_path / "a.ru.md": ru_text, tmp_path / "a.zh.md": final})
    want = sorted((d.code, d.location.line) for d in expected.findings.get(tmp_path / "a.zh.md", []))
    assert sorted((str(d.code), d.range.start.line + 1) for d in got) == want
    assert not [m.message for m in client.messages if m.type == lsp.MessageType.Error]
