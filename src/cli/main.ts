/**
 * `athlete-log`: the command-line twin of the extension, on the same core service.
 *
 *   athlete-log check [--format text|json] [--fix] PATH...
 *   athlete-log render FILE [-o OUT.html|OUT.pdf] [--format html|pdf|text]
 *   athlete-log dosage "TEXT"
 *
 * Exit codes: 0 no error-severity finding; 1 at least one; 2 usage or I/O problem (with a message).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { readFileSync } from 'node:fs';
import { dosageToJson, resolveOptions, type Finding, type SeverityOption } from '../core/index.js';
import { coachPage, handoutPage, renderSummary } from '../core/render/index.js';
import { createNodeService, packageRoot, writeAtomic } from './node-host.js';
import { localToday } from '../shared/today.js';
import { version } from '../../package.json';

const USAGE = `athlete-log ${version}: check exercise dosages in Markdown athlete logs

Usage:
  athlete-log check [options] PATH...   check logs (files, folders, globs)
  athlete-log render FILE [options]     render the program as a page (or a text summary)
  athlete-log report FILE --format json print the coaching model (history, trend, adherence, progression)
  athlete-log dosage "TEXT"             print how a dosage reads, as JSON

Options for check:
  --format text|json        output format (default text)
  --fix                     apply every fix that does not raise a dose, then report what is left
                            (fixes that add sets, reps, hold, load or sessions stay for you to choose)
  --guidelines FILE         an extra guideline file (repeatable)
  --pain-threshold N        highest acceptable pain score, 0-10 (default 5)
  --rule ID=SEVERITY        set a rule's severity: off, hint, information, warning, error (repeatable)
  --today YYYY-MM-DD        the date the log is read on (default: today): current phase, last week

Options for render (the athlete's handout):
  -o, --out FILE            write to FILE instead of standard output (a PDF needs -o)
  --format html|pdf|text    a standalone HTML handout (default), the handout as PDF, or a plain-text
                            summary; -o with .pdf and no --format means pdf
  --today YYYY-MM-DD        the date the page is made for (default: today)
  --charts yes|no           include the progress charts (default: the log's handout: front matter, else yes)
  --log yes|no              include the log of sessions (default: the log's handout: front matter, else no)
  --view athlete|coach      the athlete's handout (default) or the coach's view (ranges, marks, checks)
  --paper a4|letter         PDF paper size (default a4)
  --browser PATH            the Chrome, Chromium or Edge to print the PDF with (default: ATHLETE_LOG_BROWSER,
                            CHROME_PATH, then Chrome, Edge and Chromium where they install)

  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or file problems, 3 no browser found to print a PDF.
`;

class UsageError extends Error {}
/** No browser to print a PDF with (exit code 3, so scripts can go on without the PDF). */
class NoBrowser extends Error {}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);
const IGNORED_DIRS = new Set(['node_modules', '.git', '.vscode-test', '.vscode-offline', 'dist', 'out']);

async function collect(dir: string, out: string[]): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) {
        await collect(p, out);
      }
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
      out.push(p);
    }
  }
}

/** Expands PATH arguments: a file as is; a folder to its .md files; anything else as a glob. */
async function expand(args: string[]): Promise<{ files: string[]; explicit: Set<string> }> {
  const files: string[] = [];
  const explicit = new Set<string>();
  for (const a of args) {
    const stat = await fs.stat(a).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') {
        throw new UsageError(`cannot read ${a}: ${e.code ?? e.message}`);
      }
      return undefined;
    });
    if (stat?.isFile()) {
      files.push(a);
      explicit.add(a);
    } else if (stat?.isDirectory()) {
      const found: string[] = [];
      await collect(a, found);
      files.push(...found.sort());
    } else if (fg.isDynamicPattern(a)) {
      const found = await fg(a.replace(/\\/g, '/'), { onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (found.length === 0) {
        throw new UsageError(`no files match ${a}`);
      }
      files.push(...found.sort());
    } else {
      throw new UsageError(`cannot read ${a}: no such file or folder`);
    }
  }
  return { files: [...new Set(files)], explicit };
}

function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message: string;
}

function row(file: string, f: Finding): Row {
  return {
    file: display(file), line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line,
    endColumn: f.range.end.column, severity: f.severity, ruleId: f.ruleId, message: f.message,
  };
}

async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      guidelines: { type: 'string', multiple: true },
      'pain-threshold': { type: 'string' },
      rule: { type: 'string', multiple: true },
      today: { type: 'string' },
    },
  });
  const today = checkToday(values.today);
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`unknown --format ${values.format ?? ''}: expected text or json`);
  }
  if (positionals.length === 0) {
    throw new UsageError('check needs at least one PATH (a file, a folder or a glob)');
  }
  const rules: Record<string, SeverityOption> = {};
  for (const r of values.rule ?? []) {
    const [id, sev] = r.split('=');
    if (!id || !sev || !SEVERITIES.has(sev)) {
      throw new UsageError(`bad --rule ${r}: expected ID=off|hint|information|warning|error`);
    }
    rules[id] = sev as SeverityOption;
  }
  let painThreshold: number | undefined;
  if (values['pain-threshold'] !== undefined) {
    painThreshold = Number(values['pain-threshold']);
    if (!Number.isFinite(painThreshold) || painThreshold < 0 || painThreshold > 10) {
      throw new UsageError(`bad --pain-threshold ${values['pain-threshold']}: expected a number from 0 to 10`);
    }
  }
  const guidelineFiles = (values.guidelines ?? []).map((g) => path.resolve(g));
  for (const g of guidelineFiles) {
    await fs.access(g).catch(() => { throw new UsageError(`cannot read guideline file ${g}`); });
  }
  const options = { rules, guidelineFiles, today, ...(painThreshold !== undefined ? { painThreshold } : {}) };
  const service = createNodeService();
  const { files, explicit } = await expand(positionals);
  const rows: Row[] = [];
  let logs = 0;
  let fixed = 0;
  let heldBack = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const request = { path: path.resolve(file), relativePath: display(file), options };
    let result = await service.check({ ...request, text });
    if (!result) {
      if (explicit.has(file)) {
        process.stderr.write(`${display(file)}: skipped, not an athlete log (no \`athlete\` in front matter and the name does not match *.athlete.md)\n`);
      }
      continue;
    }
    logs++;
    if (values.fix) {
      // Only fixes that lower a dose or correct notation; raising a dose is the coach's decision. Round
      // after round until nothing fixable is left (a renamed exercise gets its own dosage fixes).
      const out = await service.fixAllUntilDone({ ...request, text });
      if (out.applied > 0 && out.text !== text) {
        try {
          await writeAtomic(file, out.text);
        } catch (e) {
          throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
        fixed += out.applied;
        process.stderr.write(`${out.applied} ${out.applied === 1 ? 'fix' : 'fixes'} in ${display(file)}\n`);
        result = out.result;
      }
      heldBack += (result?.findings ?? []).filter((f) => f.fix?.raisesDose === true).length;
    }
    rows.push(...(result?.findings ?? []).map((f) => row(file, f)));
  }
  if (logs === 0) {
    throw new UsageError(`no athlete logs found in ${positionals.join(' ')} (a log has \`athlete\` in its front matter or a name ending in .athlete.md)`);
  }
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const r of rows) {
      process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.severity} ${r.ruleId} ${r.message}\n`);
    }
    const count = (s: string): number => rows.filter((r) => r.severity === s).length;
    const n = (k: number, one: string): string => `${k} ${one}${k === 1 ? '' : 's'}`;
    const left = heldBack > 0 ? `, ${heldBack} ${heldBack === 1 ? 'fix' : 'fixes'} not applied because ${heldBack === 1 ? 'it raises' : 'they raise'} a dose (apply ${heldBack === 1 ? 'it' : 'them'} one by one in the editor if you agree)` : '';
    const fixNote = values.fix ? `, ${fixed} fixed${left}` : '';
    process.stderr.write(`${n(logs, 'log')} checked: ${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ${n(count('information') + count('hint'), 'note')}${fixNote}
`);
  }
  return rows.some((r) => r.severity === 'error') ? 1 : 0;
}


function checkToday(value: string | undefined): string {
  const today = value ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new UsageError(`bad --today ${today}: expected YYYY-MM-DD`);
  }
  return today;
}

function yesNo(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') {
    return true;
  }
  if (v === 'no' || v === 'false') {
    return false;
  }
  throw new UsageError(`bad --${name} ${value}: expected yes or no`);
}

async function render(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      out: { type: 'string', short: 'o' }, format: { type: 'string' }, today: { type: 'string' },
      charts: { type: 'string' }, log: { type: 'string' }, paper: { type: 'string' }, browser: { type: 'string' }, view: { type: 'string' },
    },
  });
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html');
  if (format !== 'html' && format !== 'text' && format !== 'pdf') {
    throw new UsageError(`unknown --format ${format}: expected html, pdf or text`);
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('render needs exactly one FILE');
  }
  if (format === 'pdf' && !values.out) {
    throw new UsageError('--format pdf needs -o OUT.pdf');
  }
  const paper = values.paper === undefined ? 'A4' : values.paper.trim().toLowerCase() === 'a4' ? 'A4' : values.paper.trim().toLowerCase() === 'letter' ? 'Letter' : undefined;
  if (!paper) {
    throw new UsageError(`bad --paper ${values.paper ?? ''}: expected a4 or letter`);
  }
  if (values.view !== undefined && values.view !== 'athlete' && values.view !== 'coach') {
    throw new UsageError(`bad --view ${values.view}: expected athlete or coach`);
  }
  const charts = yesNo('charts', values.charts);
  const withLog = yesNo('log', values.log);
  const today = checkToday(values.today);
  const file = positionals[0];
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const service = createNodeService();
  const options = resolveOptions({ today });
  const result = await service.check({ text, path: path.resolve(file), relativePath: display(file), options: { today } });
  if (!result) {
    throw new UsageError(`${display(file)} is not an athlete log (no \`athlete\` in front matter and the name does not match *.athlete.md)`);
  }
  let out: string | Uint8Array;
  if (format === 'text') {
    out = renderSummary(result.log, result.findings, result.library, today);
  } else {
    const choices = { ...(charts !== undefined ? { charts } : {}), ...(withLog !== undefined ? { log: withLog } : {}) };
    const page = (values.view === 'coach' ? coachPage : handoutPage)({
      text, log: result.log, findings: result.findings, library: result.library, today, choices,
      painThreshold: options.painThreshold, readyToProgress: options.readyToProgress,
    }, readFileSync(path.join(packageRoot(), 'media', 'preview.css'), 'utf8'));
    out = page.html;
    if (format === 'pdf') {
      // Loaded only here: playwright-core is a file of its own (dist/pdf.js).
      const pdf = await import('../node/pdf.js');
      try {
        const done = await pdf.htmlToPdf(page.html, { paper, ...(values.browser !== undefined ? { browserPath: values.browser } : {}) });
        out = done.pdf;
      } catch (e) {
        if (e instanceof pdf.NoBrowserError) {
          throw new NoBrowser(e.message);
        }
        throw e;
      }
    }
  }
  if (values.out) {
    try {
      await fs.mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
      await fs.writeFile(values.out, out);
    } catch (e) {
      throw new UsageError(`cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    process.stderr.write(`wrote ${display(values.out)}\n`);
  } else {
    process.stdout.write(out);
  }
  return 0;
}

async function report(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { format: { type: 'string', default: 'json' }, today: { type: 'string' } },
  });
  if (values.format !== 'json') {
    throw new UsageError(`unknown --format ${values.format ?? ''}: expected json`);
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('report needs exactly one FILE');
  }
  const today = checkToday(values.today);
  const file = positionals[0];
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${e.code ?? String(e)}`);
  });
  const result = await createNodeService().report({ text, path: path.resolve(file), relativePath: display(file) }, today);
  if (!result) {
    throw new UsageError(`${display(file)} is not an athlete log (no \`athlete\` in front matter and the name does not match *.athlete.md)`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function dosage(argv: string[]): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 1) {
    throw new UsageError('dosage needs exactly one TEXT argument, e.g. athlete-log dosage "3 x 10, hold 5 s"');
  }
  const service = createNodeService();
  process.stdout.write(`${JSON.stringify(dosageToJson(service.parseDosage(positionals[0] ?? '')), null, 2)}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest);
      case 'dosage':
        return dosage(rest);
      case 'render':
        return await render(rest);
      case 'report':
        return await report(rest);
      case '-v':
      case '--version':
        process.stdout.write(`${version}\n`);
        return 0;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case undefined:
        process.stderr.write(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof NoBrowser) {
      process.stderr.write(`athlete-log: ${e.message}\n`);
      return 3;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`athlete-log: ${(e as Error).message}\nRun athlete-log --help for usage.\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      process.stderr.write(`athlete-log: ${err.code}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`athlete-log: internal error: ${err.message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
