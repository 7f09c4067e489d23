/**
 * `athlete-log`: the command-line twin of the extension, on the same core service.
 *
 *   athlete-log check [--format text|json] [--fix [--force]] PATH...
 *   athlete-log render FILE [-o OUT.html|OUT.pdf] [--format html|pdf|text]
 *   athlete-log dosage "TEXT"
 *   athlete-log caseload [--format text|json|html] [--today DATE] PATH...
 *
 * Exit codes: 0 no error-severity finding; 1 at least one; 2 usage or I/O problem (with a message).
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { styleText } from 'node:util';
import stringWidth from 'string-width';
import { caseloadCells, CASELOAD_COLUMNS, compareByAttention, dosageToJson, resolveOptions, ruleById, type CaseloadSummary, type Finding, type SeverityOption } from '../core/index.js';
import { caseloadPage, coachPage, handoutPage, renderSummary } from '../core/render/index.js';
import { defaultJobs, summarizeFiles, type CaseloadJob } from './caseload.js';
import { decodeFile, encodeFile, lineOfByte, type DecodedFile } from '../node/encoding.js';
import { FileProblem, describeError, makeFolders, readRegularFile, sameFile, targetOf, writeSafely } from '../node/files.js';
import { createWalker, isGlob, walkGlob } from '../node/walk.js';
import { createNodeService, packageRoot, readGuideline } from './node-host.js';
import { safeLine, safeText } from './terminal.js';
import { localToday } from '../shared/today.js';
import { version } from '../../package.json';

export const USAGE = `athlete-log ${version}: check exercise dosages in Markdown athlete logs

Usage:
  athlete-log check [options] PATH...   check logs (files, folders, globs)
  athlete-log render FILE [options]     render the program as a page (or a text summary)
  athlete-log report FILE --format json print the coaching model (history, trend, adherence, progression)
  athlete-log dosage "TEXT"             print how a dosage reads, as JSON
  athlete-log caseload [options] PATH... every athlete's state at a glance, what needs attention first

Options for check:
  --format text|json        output format (default text)
  --fix                     apply every fix that does not raise a dose, then report what is left
                            (fixes that add sets, reps, hold, load or sessions stay for you to choose,
                            and so do fixes to a logged session's dosage: the log records what was done)
  --force                   with --fix, also write read-only files
  --guidelines FILE         an extra guideline file (repeatable)
  --allow-guidelines DIR    a folder a log's guidelines: may read from besides its workspace (repeatable)
  --pain-threshold N        highest acceptable pain score, 0-10 (default 5)
  --rule ID=SEVERITY        set a rule's severity: off, hint, information, warning or error (repeatable)
  --today YYYY-MM-DD        the date the log is read on (default: today): current phase, last week

Options for render (the athlete's handout):
  -o, --out FILE            write to FILE instead of standard output (a PDF needs -o)
  --format html|pdf|text    a standalone HTML handout (default), the handout as PDF, or a plain-text
                            summary; -o with .pdf and no --format means pdf
  --allow-guidelines DIR    as for check
  --force                   write -o FILE even when it is read-only
  --today YYYY-MM-DD        the date the page is made for (default: today)
  --charts yes|no           include the progress charts (default: the log's handout: front matter, else yes)
  --log yes|no              include the log of sessions (default: the log's handout: front matter, else no)
  --view athlete|coach      the athlete's handout (default) or the coach's view (ranges, marks, checks)
  --paper a4|letter         PDF paper size (default a4)
  --browser PATH            the Chrome, Chromium or Edge to print the PDF with (default: ATHLETE_LOG_BROWSER,
                            CHROME_PATH, then Chrome, Edge and Chromium where they install)

Options for report (the coaching model as JSON):
  --format json             output format (json only)
  --allow-guidelines DIR    as for check
  --today YYYY-MM-DD        the date the log is read on (default: today)

Options for caseload (one row per log: flags, last session, pain and trend, adherence, phase, findings):
  --format text|json|html   an aligned table (default), JSON (docs/caseload.md), or a standalone HTML page
  --today YYYY-MM-DD        the date the logs are read on (default: today): phase, week, log gaps
  --log-gap-days N          days without a session before a log-gap flag, 1-365 (default 7)
  --pain-threshold N        as for check
  --rule ID=SEVERITY        as for check (a rule switched off raises no flag)
  --allow-guidelines DIR    as for check
  --jobs N                  worker processes for many logs (default: one per core; 1: this process only)

dosage takes no options.

  -h, --help                show this help
  -v, --version             show the version

A log's guidelines: front matter reads files inside the log's workspace only (the nearest folder above
it with .git, .vscode or .hg, else the log's own folder) and folders given with --allow-guidelines.

Exit codes: 0 no errors, 1 errors found, 2 usage or file problems, 3 no browser found to print a PDF.
(caseload exits as check: 1 when a log has an error-severity finding.)
`;

/**
 * Every command's options, as parseArgs reads them. The --help text lists each of them under its command
 * (test/unit/cli-help.test.ts compares the two, so they cannot drift apart).
 */
export const COMMAND_OPTIONS = {
  check: {
    format: { type: 'string', default: 'text' },
    fix: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    guidelines: { type: 'string', multiple: true },
    'allow-guidelines': { type: 'string', multiple: true },
    'pain-threshold': { type: 'string' },
    rule: { type: 'string', multiple: true },
    today: { type: 'string' },
  },
  render: {
    out: { type: 'string', short: 'o' }, format: { type: 'string' }, today: { type: 'string' },
    charts: { type: 'string' }, log: { type: 'string' }, paper: { type: 'string' }, browser: { type: 'string' }, view: { type: 'string' },
    'allow-guidelines': { type: 'string', multiple: true }, force: { type: 'boolean', default: false },
  },
  report: { format: { type: 'string', default: 'json' }, today: { type: 'string' }, 'allow-guidelines': { type: 'string', multiple: true } },
  dosage: {},
  caseload: {
    format: { type: 'string', default: 'text' }, today: { type: 'string' }, 'log-gap-days': { type: 'string' },
    'pain-threshold': { type: 'string' }, rule: { type: 'string', multiple: true },
    'allow-guidelines': { type: 'string', multiple: true }, jobs: { type: 'string' },
  },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>>;

class UsageError extends Error {}
/** No browser to print a PDF with (exit code 3, so scripts can go on without the PDF). */
class NoBrowser extends Error {}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);
const IGNORED_DIRS = new Set(['node_modules', '.git', '.vscode-test', '.vscode-offline', 'dist', 'out']);
const GLOB_IGNORED_DIRS = new Set(['node_modules', '.git']);
/** Largest log read (the editor stops checking as you type at 5 MB by default). */
const MAX_LOG_BYTES = 256 * 1024 * 1024;

/** A path relative to the working folder when it lies inside it (else as given), with `/` separators. */
function relName(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  const shown = rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
  return shown.split(path.sep).join('/');
}

/** A path for messages: relName with control characters escaped. */
function display(file: string): string {
  return safeLine(relName(file));
}

/** Expands PATH arguments: a file as is; a folder to its .md files; anything else as a glob. */
async function expand(args: readonly string[]): Promise<{ files: string[]; explicit: Set<string>; problems: string[] }> {
  const walker = createWalker();
  const explicit = new Set<string>();
  const problems: string[] = [];
  for (const a of args) {
    if (a === '') {
      throw new UsageError('an empty PATH: give a file, a folder or a glob');
    }
    let unreadable: unknown;
    const stat = await fs.stat(a).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') {
        unreadable = e;
      }
      return undefined;
    });
    if (unreadable !== undefined) {
      // Reported with the other file problems; the other paths are still checked.
      problems.push(`cannot read ${display(a)}: ${describeError(unreadable)}`);
    } else if (stat?.isFile()) {
      await walker.add(a);
      explicit.add(a);
    } else if (stat?.isDirectory()) {
      await walker.walk(a, (f) => f.toLowerCase().endsWith('.md'), { ignore: IGNORED_DIRS });
    } else if (stat) {
      throw new UsageError(`cannot read ${display(a)}: not a regular file (a device, a pipe or a socket)`);
    } else if (isGlob(a)) {
      if ((await walkGlob(walker, a, GLOB_IGNORED_DIRS)) === 0 && walker.problems.length === 0) {
        throw new UsageError(`no files match ${safeLine(a)}`);
      }
    } else {
      throw new UsageError(`cannot read ${display(a)}: no such file or folder`);
    }
  }
  for (const p of walker.problems) {
    problems.push(`cannot read ${display(p.path)}: ${describeError(p.error)}`);
  }
  return { files: walker.files, explicit, problems };
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
    file: relName(file), line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line,
    endColumn: f.range.end.column, severity: f.severity, ruleId: f.ruleId, message: f.message,
  };
}

/** Reads a log as bytes (a regular file, under the size cap) and decodes it (see src/node/encoding.ts). */
async function readLog(file: string): Promise<{ bytes: Buffer; decoded: DecodedFile }> {
  const bytes = await readRegularFile(file, { maxBytes: MAX_LOG_BYTES, timeoutMs: 120000 });
  return { bytes, decoded: decodeFile(bytes) };
}

function notUtf8Note(file: string, bytes: Buffer, decoded: DecodedFile): string | undefined {
  if (decoded.invalidAt === undefined) {
    return undefined;
  }
  return `${display(file)}: line ${lineOfByte(bytes, decoded.invalidAt)} holds bytes that are not UTF-8 (byte 0x${(bytes[decoded.invalidAt] ?? 0).toString(16).toUpperCase()}); they are read as they are and kept byte for byte`;
}

function checkRules(values: readonly string[] | undefined): Record<string, SeverityOption> {
  const rules: Record<string, SeverityOption> = {};
  for (const r of values ?? []) {
    const parts = r.split('=');
    const [id, sev] = parts;
    if (parts.length !== 2 || !id || !sev || !SEVERITIES.has(sev)) {
      throw new UsageError(`bad --rule ${safeLine(r)}: expected ID=off|hint|information|warning|error`);
    }
    if (!ruleById(id)) {
      throw new UsageError(`bad --rule ${safeLine(r)}: there is no rule ${safeLine(id)} (the rules are listed in docs/rules/)`);
    }
    rules[id] = sev as SeverityOption;
  }
  return rules;
}

function checkPainThreshold(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = /^\d{1,2}(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 10) {
    throw new UsageError(`bad --pain-threshold ${safeLine(value)}: expected a number from 0 to 10`);
  }
  return n;
}

async function checkFolders(values: readonly string[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const d of values ?? []) {
    const st = d === '' ? undefined : await fs.stat(d).catch(() => undefined);
    if (!st?.isDirectory()) {
      throw new UsageError(`bad --allow-guidelines ${safeLine(d)}: not a folder`);
    }
    out.push(path.resolve(d));
  }
  return out;
}

async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: COMMAND_OPTIONS.check,
  });
  const today = checkToday(values.today);
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`unknown --format ${safeLine(values.format ?? '')}: expected text or json`);
  }
  if (positionals.length === 0) {
    throw new UsageError('check needs at least one PATH (a file, a folder or a glob)');
  }
  if (values.force && !values.fix) {
    throw new UsageError('--force goes with --fix');
  }
  const rules = checkRules(values.rule);
  const painThreshold = checkPainThreshold(values['pain-threshold']);
  const allowedFolders = await checkFolders(values['allow-guidelines']);
  const guidelineFiles: string[] = [];
  for (const g of values.guidelines ?? []) {
    try {
      if (g === '') {
        throw new FileProblem('an empty path');
      }
      await readGuideline(path.resolve(g), undefined);
    } catch (e) {
      throw new UsageError(`cannot read guideline file ${display(g)}: ${describeError(e)}`);
    }
    guidelineFiles.push(path.resolve(g));
  }
  const options = { rules, guidelineFiles, today, ...(painThreshold !== undefined ? { painThreshold } : {}) };
  const service = createNodeService({ allowedFolders });
  const { files, explicit, problems } = await expand(positionals);
  for (const p of problems) {
    process.stderr.write(`athlete-log: ${p}\n`);
  }
  let fileProblems = problems.length;
  const rows: Row[] = [];
  let logs = 0;
  let fixed = 0;
  let heldBack = 0;
  let heldRecord = 0;
  for (const file of files) {
    let read: { bytes: Buffer; decoded: DecodedFile };
    try {
      read = await readLog(file);
    } catch (e) {
      // One unreadable file does not stop the others: it is reported, and the run exits 2 at the end.
      process.stderr.write(`athlete-log: cannot read ${display(file)}: ${describeError(e)}\n`);
      fileProblems++;
      continue;
    }
    const { bytes, decoded } = read;
    const text = decoded.text;
    const resolved = path.resolve(file);
    const request = { path: resolved, relativePath: relName(file), options };
    let result = await service.check({ ...request, text });
    if (!result) {
      if (explicit.has(file)) {
        const why = decoded.encoding === 'utf-8' ? '' : ` (read as ${decoded.encoding.toUpperCase()})`;
        process.stderr.write(`${display(file)}: skipped, not an athlete log${why} (no athlete in front matter and the name does not match *.athlete.md)\n`);
      }
      service.forget(resolved);
      continue;
    }
    logs++;
    const note = notUtf8Note(file, bytes, decoded);
    if (note) {
      process.stderr.write(`${note}\n`);
    }
    if (values.fix) {
      // Only fixes that lower a dose or correct notation; raising a dose is the coach's decision. Round
      // after round until nothing fixable is left (a renamed exercise gets its own dosage fixes).
      const out = await service.fixAllUntilDone({ ...request, text });
      if (out.applied > 0 && out.text !== text) {
        try {
          if (!decoded.roundTrips) {
            throw new FileProblem(`not fixed: it reads as ${decoded.encoding.toUpperCase()} but has an odd number of bytes`);
          }
          await writeSafely(file, encodeFile(out.text, decoded.encoding), { expected: bytes, force: values.force });
          fixed += out.applied;
          process.stderr.write(`${out.applied} ${out.applied === 1 ? 'fix' : 'fixes'} in ${display(file)}\n`);
          result = out.result;
        } catch (e) {
          process.stderr.write(`athlete-log: cannot write ${display(file)}: ${describeError(e)}\n`);
          fileProblems++;
        }
      }
      heldBack += (result?.findings ?? []).filter((f) => f.fix?.raisesDose === true).length;
      heldRecord += (result?.findings ?? []).filter((f) => f.fix?.raisesDose === false && f.fix.changesRecord === true).length;
    }
    for (const f of result?.findings ?? []) {
      rows.push(row(file, f));
    }
    // Each log is checked once: what the service keeps for re-checks is let go.
    service.forget(resolved);
  }
  if (logs === 0 && fileProblems === 0) {
    throw new UsageError(`no athlete logs found in ${positionals.map(safeLine).join(' ')} (a log has athlete in its front matter or a name ending in .athlete.md)`);
  }
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    const chunk: string[] = [];
    for (const r of rows) {
      chunk.push(`${safeLine(r.file)}:${r.line}:${r.column}: ${r.severity} ${r.ruleId} ${safeLine(r.message)}\n`);
      if (r.severity === 'error') {
        errors++;
      } else if (r.severity === 'warning') {
        warnings++;
      } else {
        notes++;
      }
      if (chunk.length >= 1000) {
        process.stdout.write(chunk.join(''));
        chunk.length = 0;
      }
    }
    process.stdout.write(chunk.join(''));
    const n = (k: number, one: string): string => `${k} ${one}${k === 1 ? '' : 's'}`;
    // Fixes left for the coach: those that raise a dose, and those that would change a logged session (the record of what was done).
    const held = [
      ...(heldBack > 0 ? [`${heldBack} ${heldBack === 1 ? 'fix' : 'fixes'} not applied because ${heldBack === 1 ? 'it raises' : 'they raise'} a dose`] : []),
      ...(heldRecord > 0 ? [`${heldRecord} ${heldRecord === 1 ? 'fix' : 'fixes'} not applied because ${heldRecord === 1 ? 'it changes' : 'they change'} what a logged session records`] : []),
    ];
    const them = heldBack + heldRecord === 1 ? 'it' : 'them';
    const left = held.length > 0 ? `, ${held.join(', ')} (apply ${them} one by one in the editor if you agree)` : '';
    const fixNote = values.fix ? `, ${fixed} fixed${left}` : '';
    const problemNote = fileProblems > 0 ? `, ${n(fileProblems, 'file problem')}` : '';
    process.stderr.write(`${n(logs, 'log')} checked: ${n(errors, 'error')}, ${n(warnings, 'warning')}, ${n(notes, 'note')}${fixNote}${problemNote}\n`);
  }
  if (fileProblems > 0) {
    return 2;
  }
  return rows.some((r) => r.severity === 'error') ? 1 : 0;
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused). */
function checkToday(value: string | undefined): string {
  const today = value ?? localToday();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new UsageError(`bad --today ${safeLine(today)}: expected a real date as YYYY-MM-DD`);
  }
  return today;
}

async function readOne(file: string): Promise<{ text: string; decoded: DecodedFile; bytes: Buffer }> {
  try {
    const { bytes, decoded } = await readLog(file);
    return { text: decoded.text, decoded, bytes };
  } catch (e) {
    throw new UsageError(`cannot read ${display(file)}: ${describeError(e)}`);
  }
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
  throw new UsageError(`bad --${name} ${safeLine(value)}: expected yes or no`);
}

async function render(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: COMMAND_OPTIONS.render,
  });
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.pdf') ? 'pdf' : 'html');
  if (format !== 'html' && format !== 'text' && format !== 'pdf') {
    throw new UsageError(`unknown --format ${safeLine(format)}: expected html, pdf or text`);
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('render needs exactly one FILE');
  }
  if (values.out === '') {
    throw new UsageError('an empty --out: give a file name, or leave -o out to print to standard output');
  }
  if (format === 'pdf' && !values.out) {
    throw new UsageError('--format pdf needs -o OUT.pdf');
  }
  const paper = values.paper === undefined ? 'A4' : values.paper.trim().toLowerCase() === 'a4' ? 'A4' : values.paper.trim().toLowerCase() === 'letter' ? 'Letter' : undefined;
  if (!paper) {
    throw new UsageError(`bad --paper ${safeLine(values.paper ?? '')}: expected a4 or letter`);
  }
  if (values.view !== undefined && values.view !== 'athlete' && values.view !== 'coach') {
    throw new UsageError(`bad --view ${safeLine(values.view)}: expected athlete or coach`);
  }
  const charts = yesNo('charts', values.charts);
  const withLog = yesNo('log', values.log);
  const today = checkToday(values.today);
  const allowedFolders = await checkFolders(values['allow-guidelines']);
  const file = positionals[0];
  const { text, bytes, decoded } = await readOne(file);
  const service = createNodeService({ allowedFolders });
  const options = resolveOptions({ today });
  const result = await service.check({ text, path: path.resolve(file), relativePath: relName(file), options: { today } });
  if (!result) {
    throw new UsageError(`${display(file)} is not an athlete log (no athlete in front matter and the name does not match *.athlete.md)`);
  }
  const note = notUtf8Note(file, bytes, decoded);
  if (note) {
    process.stderr.write(`${note}\n`);
  }
  let out: string | Uint8Array;
  if (format === 'text') {
    out = safeText(renderSummary(result.log, result.findings, result.library, today));
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
    const target = values.out;
    // The output is never one of the inputs: the log, or a guideline file it reads.
    const inputs = [path.resolve(file), ...result.log.guidelineFiles.map((g) => path.resolve(path.dirname(path.resolve(file)), g.path))];
    for (const input of inputs) {
      if (path.resolve(target) === input || (await targetOf(target).catch(() => undefined)) === (await targetOf(input).catch(() => input)) || (await sameFile(target, input))) {
        throw new UsageError(`will not write ${display(target)}: it is one of the inputs (${display(input)})`);
      }
    }
    try {
      await makeFolders(path.dirname(path.resolve(target)));
      await writeSafely(target, typeof out === 'string' ? Buffer.from(out, 'utf8') : Buffer.from(out), { force: values.force });
    } catch (e) {
      throw new UsageError(`cannot write ${display(target)}: ${describeError(e)}`);
    }
    process.stderr.write(`wrote ${display(target)}\n`);
  } else {
    process.stdout.write(out);
  }
  return 0;
}

async function report(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: COMMAND_OPTIONS.report,
  });
  if (values.format !== 'json') {
    throw new UsageError(`unknown --format ${safeLine(values.format ?? '')}: expected json`);
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('report needs exactly one FILE');
  }
  const today = checkToday(values.today);
  const allowedFolders = await checkFolders(values['allow-guidelines']);
  const file = positionals[0];
  const { text } = await readOne(file);
  const result = await createNodeService({ allowedFolders }).report({ text, path: path.resolve(file), relativePath: relName(file) }, today);
  if (!result) {
    throw new UsageError(`${display(file)} is not an athlete log (no athlete in front matter and the name does not match *.athlete.md)`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function checkNumber(name: string, value: string | undefined, lo: number, hi: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = /^\d{1,4}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < lo || n > hi) {
    throw new UsageError(`bad --${name} ${safeLine(value)}: expected a whole number from ${lo} to ${hi}`);
  }
  return n;
}

/** Whether the caseload table may be coloured: a terminal, and NO_COLOR not set. */
export function colourful(): boolean {
  return process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
}

const ATTENTION_STYLE: Readonly<Record<number, Parameters<typeof styleText>[0]>> = { 0: ['red', 'bold'], 1: 'red', 2: 'yellow', 3: 'green', 4: 'cyan' };

/** The caseload as an aligned table, one row per log (control characters escaped, colour on a terminal). */
export function caseloadText(summaries: readonly CaseloadSummary[], colour: boolean): string {
  const headers = [...CASELOAD_COLUMNS.slice(0, 8).map((c) => c.toUpperCase()), 'FILE'];
  const rows = summaries.map((s) => [...caseloadCells(s).slice(0, 8), relName(s.path)].map(safeLine));
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  // A row's athlete and flags take its attention's colour; the headings are bold.
  const line = (cells: readonly string[], style?: Parameters<typeof styleText>[0], columns = 2): string => cells.map((c, i) => {
    const padded = i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - stringWidth(c));
    return style && i < columns ? styleText(style, padded, { validateStream: false }) : padded;
  }).join('  ').trimEnd();
  const out = [line(headers, colour ? 'bold' : undefined, headers.length)];
  summaries.forEach((s, i) => out.push(line(rows[i] ?? [], colour ? ATTENTION_STYLE[s.attention] : undefined)));
  return `${out.join('\n')}\n`;
}

async function caseload(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: COMMAND_OPTIONS.caseload,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'html') {
    throw new UsageError(`unknown --format ${safeLine(format ?? '')}: expected text, json or html`);
  }
  if (positionals.length === 0) {
    throw new UsageError('caseload needs at least one PATH (a file, a folder or a glob)');
  }
  const today = checkToday(values.today);
  const logGapDays = checkNumber('log-gap-days', values['log-gap-days'], 1, 365);
  const jobs = checkNumber('jobs', values.jobs, 1, 1024) ?? defaultJobs();
  const painThreshold = checkPainThreshold(values['pain-threshold']);
  const rules = checkRules(values.rule);
  const allowedFolders = await checkFolders(values['allow-guidelines']);
  const options = { rules, today, ...(painThreshold !== undefined ? { painThreshold } : {}), ...(logGapDays !== undefined ? { logGapDays } : {}) };
  const { files, explicit, problems } = await expand(positionals);
  for (const p of problems) {
    process.stderr.write(`athlete-log: ${p}\n`);
  }
  let fileProblems = problems.length;
  const work: CaseloadJob[] = files.map((file) => ({ file, path: path.resolve(file), relativePath: relName(file) }));
  const results = await summarizeFiles(work, { today, options, allowedFolders }, jobs);
  const summaries: CaseloadSummary[] = [];
  results.forEach((r, i) => {
    const file = files[i] ?? '';
    if (r.kind === 'unreadable') {
      process.stderr.write(`athlete-log: cannot read ${display(file)}: ${safeLine(r.error)}\n`);
      fileProblems++;
    } else if (r.kind === 'not-a-log') {
      if (explicit.has(file)) {
        const why = r.encoding === 'utf-8' ? '' : ` (read as ${r.encoding.toUpperCase()})`;
        process.stderr.write(`${display(file)}: skipped, not an athlete log${why} (no athlete in front matter and the name does not match *.athlete.md)\n`);
      }
    } else {
      if (r.utf8Note) {
        process.stderr.write(`${display(file)}: ${safeLine(r.utf8Note)}\n`);
      }
      summaries.push(r.summary);
    }
  });
  if (summaries.length === 0 && fileProblems === 0) {
    throw new UsageError(`no athlete logs found in ${positionals.map(safeLine).join(' ')} (a log has athlete in its front matter or a name ending in .athlete.md)`);
  }
  summaries.sort(compareByAttention);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ today, logs: summaries }, null, 2)}\n`);
  } else if (format === 'html') {
    process.stdout.write(caseloadPage(summaries, today).html);
  } else {
    process.stdout.write(caseloadText(summaries, colourful()));
    const attention = summaries.filter((s) => s.attention <= 3).length;
    const problemNote = fileProblems > 0 ? `, ${fileProblems} file problem${fileProblems === 1 ? '' : 's'}` : '';
    process.stderr.write(`${summaries.length} log${summaries.length === 1 ? '' : 's'} as of ${today}: ${attention} need${attention === 1 ? 's' : ''} attention${problemNote}\n`);
  }
  if (fileProblems > 0) {
    return 2;
  }
  return summaries.some((s) => s.findings.error > 0) ? 1 : 0;
}

function dosage(argv: string[]): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: COMMAND_OPTIONS.dosage });
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
      case 'caseload':
        return await caseload(rest);
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
      // Node's own option messages run over several lines; a message naming the user's text stays on one.
      const message = e instanceof UsageError ? safeLine(e.message) : safeText((e as Error).message);
      process.stderr.write(`athlete-log: ${message}\nRun athlete-log --help for usage.\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      process.stderr.write(`athlete-log: ${safeLine(describeError(err))}\n`);
      return 2;
    }
    process.stderr.write(`athlete-log: internal error: ${safeLine(err.message)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
