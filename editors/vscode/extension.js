// The Eligo extension: starts `eligo lsp` (setting eligo.path, with --data from eligo.data) and
// connects it to *.criteria and *.cases files. Colours come from the TextMate grammars alone.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('eligo');
  const args = ['lsp'];
  const data = config.get('data');
  if (data) {
    args.push('--data', data);
  }
  return { command: config.get('path') || 'eligo', args, transport: TransportKind.stdio };
}

async function start() {
  client = new LanguageClient('eligo', 'Eligo', serverOptions(), {
    documentSelector: [
      { scheme: 'file', language: 'eligo-criteria' },
      { scheme: 'file', language: 'eligo-cases' },
      // a new editor not saved yet: checked alone by the server
      { scheme: 'untitled', language: 'eligo-criteria' },
      { scheme: 'untitled', language: 'eligo-cases' }
    ]
  });
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('eligo')) {
      if (client) {
        await client.stop();
      }
      await start();
    }
  }));
  try {
    await start();
  } catch (e) {
    vscode.window.showErrorMessage(`Eligo: cannot start '${serverOptions().command} lsp' (set eligo.path): ${e.message || e}`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
