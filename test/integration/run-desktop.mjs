#!/usr/bin/env node
// The same integration suite on desktop VS Code, for machines with internet: @vscode/test-electron
// downloads VS Code into .vscode-test/ and runs out/integration/node.js in its Node extension host.
// On a headless Linux box, run it under xvfb-run -a. usage: npm run test:desktop
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-desktop-'));
const workspace = path.join(scratch, 'workspace');
cpSync(path.join(ROOT, 'test', 'integration', 'workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'integration', 'node.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('[integration] desktop: all passed');
} catch (e) {
  console.error(`[integration] desktop: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
