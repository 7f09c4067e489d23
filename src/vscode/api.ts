/**
 * The VS Code API, imported from here only. In the CommonJS bundle every `import * as vscode from 'vscode'`
 * becomes a copy of the API's namespace object (esbuild's interop for an external module), made at load:
 * a dozen copies of a few hundred properties on every start. One import makes one.
 */
export * as vscode from 'vscode';
