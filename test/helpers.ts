/** Shared test helpers: the real service over fixtures on disk, marker reading, and the CLI as a process. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createNodeService, builtinGuidelines } from '../src/cli/node-host.js';
import { GuidelineLibrary, parseGuidelineFile, type CheckOptions, type Finding } from '../src/core/index.js';

export const ROOT = path.resolve(__dirname, '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export const service = createNodeService();

export function builtinLibrary(): GuidelineLibrary {
  return new GuidelineLibrary(builtinGuidelines(ROOT).map((g) => parseGuidelineFile(g.text, g.path)));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * Expected findings written in a fixture: `<!-- expect: rule-id -->` (or `<!-- expect: a, b -->`) on the
 * line the finding starts on; inside front matter, a YAML comment `# expect: rule-id`. Where neither
 * fits (the front matter's `---` line), `rule-id@N` names the line N.
 */
export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const re = /(?:<!--|#)\s*expect:\s*([a-z0-9@, -]+?)\s*(?:-->|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      for (const id of (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
        const [rule, at] = id.split('@');
        out.push(`${at ?? i + 1}:${rule ?? ''}`);
      }
    }
  });
  return out.sort();
}

export function actualMarkers(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line}:${f.ruleId}`).sort();
}

/** Per-fixture settings: `<!-- fixture: {"relativePath": "x.athlete.md", "options": {...}} -->`. */
export function fixtureConfig(text: string): { relativePath?: string; options?: Record<string, unknown> } {
  const m = /<!--\s*fixture:\s*(\{.*?\})\s*-->/s.exec(text);
  return m?.[1] ? (JSON.parse(m[1]) as { relativePath?: string; options?: Record<string, unknown> }) : {};
}

/**
 * Checks a fixture. Fixtures of other rules list several variants of one exercise in one phase on purpose,
 * so `duplicate-prescription` is off for them unless the fixture's own options say otherwise.
 */
export async function checkFixture(file: string, text = read(file)): Promise<Finding[]> {
  const cfg = fixtureConfig(text);
  const own = path.basename(path.dirname(file)) === 'duplicate-prescription';
  const given = (cfg.options ?? {}) as CheckOptions;
  const options: CheckOptions = own ? given : { ...given, rules: { 'duplicate-prescription': 'off', ...given.rules } };
  const result = await service.check({
    text,
    path: file,
    relativePath: cfg.relativePath ?? path.relative(ROOT, file),
    options,
  });
  if (!result) {
    throw new Error(`${file} is not an athlete log: give it front matter with athlete, or a fixture relativePath`);
  }
  return result.findings;
}

/** dist/cli.js: the CLI as users run it (`buildBundles()` first). */
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Builds dist/ (the CLI, its workers, the extension and the page scripts) and fails the calling hook if the build fails. */
export function buildBundles(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
}

/** What a CLI run gave: the exit code (null when it was killed, as on a timeout) and both outputs. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node [node...] dist/cli.js args...` as a user would, in `cwd` (default: the repository), with `env`
 * added to this process's environment, `input` on standard input, and a `timeout` in ms (default 30 s).
 */
export function runCli(args: readonly string[], o: { cwd?: string; env?: NodeJS.ProcessEnv; node?: readonly string[]; input?: string; timeout?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [...(o.node ?? []), CLI, ...args], {
    cwd: o.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...o.env },
    timeout: o.timeout ?? 30000,
    ...(o.input !== undefined ? { input: o.input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
