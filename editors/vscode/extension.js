// A minimal VS Code client for `ruconsist lsp`: it starts the server over
// stdio for the configured languages; everything else (pairing, checks,
// quick fixes, hover) is the server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration("ruconsist");
  const [command, ...args] = settings.get("command");
  const languages = settings.get("languages");
  client = new LanguageClient(
    "ruconsist",
    "ruconsist",
    { command, args, transport: TransportKind.stdio },
    { documentSelector: languages.map((language) => ({ scheme: "file", language })) },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
