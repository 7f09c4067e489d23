/** `athlete-log caseload` as a user runs it: a real process, the table, the JSON shape, the HTML page, exit codes. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { compareByAttention, type CaseloadSummary } from '../../src/core/index.js';
import { caseloadPage } from '../../src/core/render/index.js';
import { caseloadText, colourful } from '../../src/cli/main.js';
import { caseloadWorkerFile, summarizeFiles } from '../../src/cli/caseload.js';
import { buildBundles, FIXTURES, read, ROOT, runCli, service, type CliRun } from '../helpers.js';

const TODAY = '2026-11-20';
const EXAMPLES = ['examples/sam-sprinter.athlete.md', 'examples/jane-runner.athlete.md', 'examples/alex-progressing.athlete.md'];

const run = (args: string[], env: NodeJS.ProcessEnv = {}): CliRun => runCli(args, { env });

type Node = DefaultTreeAdapterMap['node'];

/** Every element of a parsed page, depth first. */
function elements(node: Node, out: DefaultTreeAdapterMap['element'][] = []): DefaultTreeAdapterMap['element'][] {
  if ('tagName' in node) {
    out.push(node);
  }
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) {
    elements(k, out);
  }
  if ('content' in node && node.content) {
    elements(node.content, out);
  }
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) {
    return node.value;
  }
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('');
}

/** The page holds no script, no handler, nothing that loads or navigates, and the handout's CSP. */
function assertInert(html: string): DefaultTreeAdapterMap['element'][] {
  assert.ok(!/<script/i.test(html), 'no script tag');
  const all = elements(parse(html));
  for (const el of all) {
    assert.ok(!['script', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'img', 'svg', 'math', 'a'].includes(el.tagName), `no <${el.tagName}>`);
    for (const a of el.attrs) {
      assert.ok(!/^on/i.test(a.name) && !['src', 'href', 'srcset', 'action', 'style', 'formaction'].includes(a.name), `no ${a.name}= on <${el.tagName}>`);
    }
  }
  const csp = all.filter((e) => e.tagName === 'meta' && e.attrs.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
  assert.equal(csp.length, 1);
  assert.equal(csp[0]?.attrs.find((a) => a.name === 'content')?.value, "default-src 'none'; style-src 'unsafe-inline'; img-src data:;");
  return all;
}

describe('athlete-log caseload', function () {
  this.timeout(60000);
  let tmp = '';

  before(() => {
    buildBundles();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-caseload-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the example athletes in attention order as an aligned table, without colour when piped', () => {
    const r = run(['caseload', '--today', TODAY, ...EXAMPLES], { FORCE_COLOR: '1' });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\u001b'), 'no escape sequences when the output is not a terminal');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /^ATHLETE +FLAGS +LAST SESSION +PAIN +ADHERENCE +PHASE +WEEK +FINDINGS +FILE$/);
    assert.deepEqual(lines.slice(1).map((l) => l.split('  ')[0]?.trim()), ['Sam Sprinter', 'Jane Runner', 'Alex Strider']);
    // Aligned: every column starts where its heading does.
    for (const heading of ['FLAGS', 'LAST SESSION', 'PAIN', 'FILE']) {
      const at = lines[0]?.indexOf(heading) ?? -1;
      for (const l of lines.slice(1)) {
        assert.equal(l.slice(at - 2, at), '  ', `${heading} in: ${l}`);
        assert.notEqual(l[at], ' ', `${heading} in: ${l}`);
      }
    }
    assert.match(lines[1] ?? '', /pain above limit, consider regression, log gap +2026-10-22 \(29 d\) +6\/10/);
    assert.match(lines[3] ?? '', /ready to progress/);
    assert.match(r.stderr, /^3 logs as of 2026-11-20: 3 need attention$/m);
  });

  it('reads a folder: the three examples keep their order among the clinic logs', () => {
    const r = run(['caseload', '--today', TODAY, 'examples/']);
    assert.equal(r.code, 0, r.stderr);
    const names = r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split('  ')[0]?.trim() ?? '');
    assert.equal(names.length, readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).length + readdirSync(path.join(ROOT, 'examples', 'running-clinic')).length);
    const at = ['Sam Sprinter', 'Jane Runner', 'Alex Strider'].map((n) => names.indexOf(n));
    assert.ok(at.every((i) => i >= 0) && at[0]! < at[1]! && at[1]! < at[2]!, names.join(', '));
  });

  it('prints the documented JSON shape, sorted by attention', () => {
    const r = run(['caseload', '--format', 'json', '--today', TODAY, ...EXAMPLES]);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { today: string; logs: CaseloadSummary[] };
    assert.deepEqual(Object.keys(json), ['today', 'logs']);
    assert.equal(json.today, TODAY);
    assert.deepEqual(json.logs.map((s) => s.athlete), ['Sam Sprinter', 'Jane Runner', 'Alex Strider']);
    const known = ['path', 'athlete', 'condition', 'coach', 'protocol', 'phase', 'week', 'lastSession', 'daysSinceLastSession', 'lastPain', 'painTrend',
      'adherenceThisWeek', 'adherenceLastWeek', 'findings', 'flags', 'attention'];
    for (const s of json.logs) {
      assert.deepEqual(Object.keys(s).filter((k) => !known.includes(k)), []);
      assert.equal(typeof s.path, 'string');
      assert.ok(path.isAbsolute(s.path));
      assert.ok(['rising', 'falling', 'steady', 'unknown'].includes(s.painTrend));
      assert.deepEqual(Object.keys(s.findings), ['error', 'warning', 'information', 'hint']);
      assert.ok(Array.isArray(s.flags));
      assert.equal(typeof s.attention, 'number');
    }
    const sam = json.logs[0];
    assert.equal(sam?.lastSession, '2026-10-22');
    assert.equal(sam?.daysSinceLastSession, 29);
    assert.equal(sam?.lastPain, 6);
    assert.deepEqual(sam?.flags, ['pain-above-threshold', 'consider-regression', 'log-gap']);
    assert.deepEqual([...json.logs].sort(compareByAttention), json.logs);
  });

  it('writes a standalone HTML page with no script and the handout CSP', () => {
    const r = run(['caseload', '--format', 'html', '--today', TODAY, ...EXAMPLES]);
    assert.equal(r.code, 0, r.stderr);
    const all = assertInert(r.stdout);
    const rows = all.filter((e) => e.tagName === 'tr' && e.attrs.some((a) => a.name === 'class' && a.value.startsWith('attention-')));
    assert.deepEqual(rows.map((tr) => textOf(tr.childNodes[0] as Node).split('/')[0]), ['Sam Sprinter', 'Jane Runner', 'Alex Strider']);
  });

  it('gives the same caseload on a pool of workers as in one thread', () => {
    for (let i = 0; i < 40; i++) {
      copyFileSync(path.join(ROOT, EXAMPLES[i % 3] ?? ''), path.join(tmp, `a${String(i).padStart(2, '0')}.athlete.md`));
    }
    // Without the bundled worker the pool falls back to one process, and this test would compare it with itself.
    assert.ok(existsSync(caseloadWorkerFile()), 'dist/caseload-worker.js is missing: run npm run build first');
    const one = run(['caseload', '--format', 'json', '--today', TODAY, '--jobs', '1', tmp]);
    const pool = run(['caseload', '--format', 'json', '--today', TODAY, '--jobs', '3', tmp]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(pool.code, 0, pool.stderr);
    assert.equal((JSON.parse(pool.stdout) as { logs: unknown[] }).logs.length, 40);
    assert.equal(pool.stdout, one.stdout);
  });

  it('summarizes on worker processes, one per job, and leaves none running afterwards', async () => {
    const jobs = Array.from({ length: 24 }, (_, i) => {
      const file = path.join(tmp, `w${String(i).padStart(2, '0')}.athlete.md`);
      copyFileSync(path.join(ROOT, EXAMPLES[i % 3] ?? ''), file);
      return { file, path: file, relativePath: path.basename(file) };
    });
    const processes = (): number => process.getActiveResourcesInfo().filter((r) => r === 'ProcessWrap').length;
    const before = processes();
    const running = summarizeFiles(jobs, { today: TODAY, options: { today: TODAY }, allowedFolders: [] }, 3);
    assert.equal(processes() - before, 3, 'three worker processes started');
    const results = await running;
    // A process handle is let go of in the event loop's close phase, a turn or two after its exit.
    for (let turn = 0; turn < 20 && processes() > before; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(processes(), before, 'every worker process has ended');
    assert.deepEqual(results.map((r) => (r.kind === 'summary' ? r.summary.athlete : r.kind)), jobs.map((_, i) => ['Sam Sprinter', 'Jane Runner', 'Alex Strider'][i % 3]));
  });

  it('exits as check: 1 when a log has an error, 2 on usage and file problems', () => {
    const red = path.join(tmp, 'red.athlete.md');
    writeFileSync(red, ['---', 'athlete: Flo Steeple', 'started: 2026-11-02', '---', '', '## Log', '', '### 2026-11-18',
      '- Chair Bridge: 3 x 10, hold 5 s', '', 'Mentions a loss of bladder control since yesterday.', ''].join('\n'));
    const r = run(['caseload', '--format', 'json', '--today', TODAY, red, EXAMPLES[2] ?? '']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { logs: CaseloadSummary[] };
    assert.equal(json.logs[0]?.athlete, 'Flo Steeple');
    assert.deepEqual(json.logs[0]?.flags, ['red-flag']);
    for (const args of [[], ['--format', 'pdf', 'examples/'], ['--today', '2026-02-30', 'examples/'], ['--jobs', '0', 'examples/'],
      ['--log-gap-days', 'week', 'examples/'], ['no-such-folder/'], [path.join(ROOT, 'README.md')]]) {
      const bad = run(['caseload', ...args]);
      assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`);
      assert.match(bad.stderr, /athlete-log: |skipped/);
    }
    const missing = run(['caseload', '--today', TODAY, EXAMPLES[0] ?? '', path.join(tmp, 'gone', '*.athlete.md')]);
    assert.equal(missing.code, 2);
  });

  it('--log-gap-days moves the log-gap flag', () => {
    const r = run(['caseload', '--format', 'json', '--today', TODAY, '--log-gap-days', '30', ...EXAMPLES]);
    const json = JSON.parse(r.stdout) as { logs: CaseloadSummary[] };
    assert.deepEqual(json.logs.map((s) => s.flags.includes('log-gap')), [false, false, false]);
  });

  it('colours by attention only on a terminal with NO_COLOR unset', async () => {
    const text = read(path.join(ROOT, EXAMPLES[0] ?? ''));
    const s = await service.summarize({ text, path: path.join(ROOT, EXAMPLES[0] ?? ''), relativePath: EXAMPLES[0] ?? '' }, TODAY);
    service.forget(path.join(ROOT, EXAMPLES[0] ?? ''));
    assert.ok(s);
    const coloured = caseloadText([s], true);
    assert.ok(coloured.includes('\u001b[31mSam Sprinter'), coloured);
    assert.ok(!caseloadText([s], false).includes('\u001b'));
    const tty = process.stdout.isTTY;
    const noColor = process.env.NO_COLOR;
    try {
      process.stdout.isTTY = true;
      delete process.env.NO_COLOR;
      assert.equal(colourful(), true);
      process.env.NO_COLOR = '1';
      assert.equal(colourful(), false);
      process.stdout.isTTY = false;
      delete process.env.NO_COLOR;
      assert.equal(colourful(), false);
    } finally {
      process.stdout.isTTY = tty;
      if (noColor === undefined) {
        delete process.env.NO_COLOR;
      } else {
        process.env.NO_COLOR = noColor;
      }
    }
  });

  it('is listed by --help', () => {
    const r = run(['--help']);
    assert.match(r.stdout, /athlete-log caseload \[options\] PATH\.\.\./);
    assert.match(r.stdout, /--format text\|json\|html/);
  });

  it('keeps the hostile corpus inert in the HTML page (as athlete, coach, condition, phase and file name)', async () => {
    const dir = path.join(FIXTURES, 'hostile');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    assert.ok(files.length >= 60);
    const summaries: CaseloadSummary[] = [];
    for (const [n, f] of files.entries()) {
      const first = read(path.join(dir, f)).split('\n')[0]?.slice(0, 200) ?? '';
      const text = ['---', `athlete: ${JSON.stringify(first)}`, `coach: ${JSON.stringify(first)}`, `condition: ${JSON.stringify(first)}`, 'started: 2026-11-02', '---', '',
        '## Program', '', `### ${first}`, '- Chair Bridge: 3 x 10, hold 5 s', '', '## Log', '', '### 2026-11-03', '- Chair Bridge: 3 x 10, hold 5 s. Pain 1/10', ''].join('\n');
      const where = `/hostile/${n}-${first}.athlete.md`;
      const s = await service.summarize({ text, path: where, relativePath: `${n}.athlete.md` }, TODAY);
      service.forget(where);
      assert.ok(s, f);
      summaries.push(s);
    }
    const html = caseloadPage(summaries, TODAY).html;
    const all = assertInert(html);
    // The text stays: each athlete cell holds its payload's line as text.
    const cells = all.filter((e) => e.tagName === 'th' && e.attrs.some((a) => a.name === 'scope' && a.value === 'row'));
    assert.equal(cells.length, summaries.length);
    summaries.forEach((s, i) => assert.ok(textOf(cells[i] as Node).startsWith(s.athlete), s.athlete));
  });
});
