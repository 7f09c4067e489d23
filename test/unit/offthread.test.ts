/**
 * Parsing on a worker thread (src/node/offThread.ts): a cold check of a long log whose Markdown is parsed
 * there gives exactly what parsing in the checking thread gives, and a worker that dies or fails leaves
 * the check to this thread instead of failing it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLog } from '../../bench/generate.js';
import { builtinGuidelines, parseWorkerFile } from '../../src/cli/node-host.js';
import { createAthleteLogService, type AthleteLogService } from '../../src/core/index.js';
import { runSteps, runStepsSliced, settled } from '../../src/core/scheduler/steps.js';
import { type TreeParser } from '../../src/core/markdown/parse.js';
import { createOffThreadParser, type OffThreadParser } from '../../src/node/offThread.js';
import { Cancelled } from '../../src/core/scheduler/slicer.js';

const request = { path: '/ws/long.athlete.md', relativePath: 'long.athlete.md', options: { today: '2020-03-01' } };

/** A long log with what parses differently in pieces if anything does: tables, link definitions, deep nesting, CRLF. */
function longLog(): string {
  let text = generateLog(160 * 1024);
  text = text.replace(/(### 2020-01-0[3-5]\n)/g, '$1- Chair Bridge: 9 x 10\n\n| Exercise | Sets |\n| --- | --- |\n| Chair Bridge | 3 |\n\nSee [the guide][ref].\n\n[ref]: https://example.com\n\n');
  text += `\n### 2020-02-20\n${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}- deep`).join('\n')}\n`;
  text += '\n### 2020-02-21\r\n- Chair Bridge: 3 x 10, hold 99 s\r\n- ~~struck~~ Chair Bridge: 3 x 10. Pain 8/10\r\n';
  return text;
}

function localService(parser?: TreeParser): AthleteLogService {
  return createAthleteLogService({ builtinGuidelines: builtinGuidelines(), ...(parser ? { parser } : {}) });
}

/** Counts the parses a parser was asked for. */
function counting(parser: TreeParser): TreeParser & { asked: number } {
  const c = {
    asked: 0,
    parse(text: string, frontMatter: boolean) {
      c.asked++;
      return parser.parse(text, frontMatter);
    },
  };
  return c;
}

describe('parsing on a worker thread', function () {
  this.timeout(120000);
  const text = longLog();
  let here = '';
  const opened: OffThreadParser[] = [];
  let tmp = '';

  before(async () => {
    const r = await localService().check({ ...request, text });
    here = JSON.stringify({ findings: r?.findings, log: r?.log });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-worker-'));
  });

  after(() => {
    for (const p of opened) {
      p.dispose();
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  function open(file: string): OffThreadParser {
    const p = createOffThreadParser(file);
    assert.ok(p, `no worker script at ${file}`);
    opened.push(p);
    return p;
  }

  it('gives, byte for byte, the findings and model of parsing in this thread', async () => {
    assert.ok(here.includes('sets-out-of-range') && here.includes('hold-out-of-range'), 'the sample has findings');
    const parser = counting(open(parseWorkerFile()));
    const r = await localService(parser).check({ ...request, text });
    assert.ok(parser.asked > 10, `the worker parsed (${parser.asked} runs)`);
    assert.equal(JSON.stringify({ findings: r?.findings, log: r?.log }), here);
  });

  it('is not asked for a short log, nor for the blocks an edit touches', async () => {
    const parser = counting(open(parseWorkerFile()));
    const service = localService(parser);
    await service.check({ ...request, path: '/ws/short.athlete.md', text: generateLog(8 * 1024) });
    assert.equal(parser.asked, 0);
    await service.check({ ...request, text });
    const cold = parser.asked;
    const edited = await service.check({ ...request, text: text.replace('### 2020-02-21', '### 2020-02-21\n- Chair Bridge: 9 x 10') });
    assert.equal(parser.asked, cold);
    const line = text.slice(0, text.indexOf('### 2020-02-21')).split('\n').length + 1;
    assert.ok(edited?.findings.some((f) => f.ruleId === 'sets-out-of-range' && f.range.start.line === line), `a finding on line ${line}`);
  });

  /** A check through a worker script that does not parse gives what parsing in this thread gives. */
  async function fallsBack(name: string, script: string): Promise<TreeParser> {
    const file = path.join(tmp, name);
    writeFileSync(file, script);
    const parser = counting(open(file));
    const r = await localService(parser).check({ ...request, text });
    assert.ok(parser.asked > 0);
    assert.equal(JSON.stringify({ findings: r?.findings, log: r?.log }), here);
    return parser;
  }

  it('leaves the parsing to this thread when the worker dies', async () => {
    const parser = await fallsBack('dies.js', "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n");
    await assert.rejects(parser.parse('# x', false), /exited|stopped/);
  });

  it('leaves the parsing to this thread when the worker answers with an error', async () => {
    await fallsBack('fails.js', "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'no parser here' }));\n");
  });

  it('leaves no rejection unhandled when a newer edit stops a check that asked ahead', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => {
      unhandled.push(e);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      let asked = 0;
      const failing: TreeParser = {
        parse: () => {
          asked++;
          return new Promise((_, reject) => setTimeout(() => reject(new Error('the worker is gone')), 5));
        },
      };
      const pause = (): undefined => {
        if (asked > 0) {
          throw new Cancelled('a newer check took over');
        }
        return undefined;
      };
      await assert.rejects(localService(failing).check({ ...request, text, pause }), Cancelled);
      assert.ok(asked > 1, `runs were asked ahead (${asked})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('has no parser without its worker script, and stops when disposed', async () => {
    assert.equal(createOffThreadParser(path.join(tmp, 'missing.js')), undefined);
    const p = open(parseWorkerFile());
    const tree = await p.parse('## Log\n| a | b |\n| - | - |\n| 1 | 2 |\n', false);
    assert.equal(tree.children[1]?.type, 'table');
    p.dispose();
    await assert.rejects(p.parse('# x', false), /stopped/);
  });

  it('refuses to run steps that wait in one go, and waits for them when sliced', async () => {
    function* waits(p: Promise<number>): Generator<undefined | Promise<unknown>, number> {
      return (yield* settled(p)) + 1;
    }
    assert.throws(() => runSteps(waits(Promise.resolve(7))), /in one go/);
    assert.equal(await runStepsSliced(waits(new Promise((resolve) => setTimeout(() => resolve(7), 5))), () => undefined), 8);
    await assert.rejects(runStepsSliced(waits(Promise.reject(new Error('gone'))), () => undefined), /gone/);
  });
});
