/**
 * The one rule runner (`runRules`): severities from options, findings in a stable order, suppression
 * comments; and `check`, the plain engine built on it.
 */
import type { GuidelineLibrary } from './guidelines/library.js';
import { plainLogView, type LogView } from './logView.js';
import type { AthleteLog, Finding, Severity, Suppression } from './model.js';
import { resolveOptions, type CheckOptions, type ResolvedOptions } from './options.js';
import { lineIndexOf, parseWhole, startState } from './read/assemble.js';
import type { DateOrder } from './read/dates.js';
import { runSteps, type Steps } from './scheduler/steps.js';
import type { TreeParser } from './markdown/parse.js';
import { RULES } from './rules/index.js';
import type { BlockSummary, GuidelineFileStatus, Report, Rule, RuleContext, RuleScope } from './rules/rule.js';

export interface CheckContext {
  readonly library: GuidelineLibrary;
  readonly options?: CheckOptions;
  readonly logByPath?: boolean;
  readonly guidelineFiles?: readonly GuidelineFileStatus[];
  /** Rules to run; default all. */
  readonly rules?: readonly Rule[];
}

export interface CheckResult {
  readonly log: AthleteLog;
  readonly findings: Finding[];
}

/** Whether a finding of `ruleId` on `line` is switched off by a suppression comment. */
export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  let off = false;
  for (const s of suppressions) {
    const applies = s.ruleIds.length === 0 || s.ruleIds.includes(ruleId);
    if (!applies) {
      continue;
    }
    if (s.kind === 'disable-next-line') {
      if (s.line + 1 === line) {
        return true;
      }
      continue;
    }
    if (s.line > line) {
      break;
    }
    off = s.kind === 'disable';
  }
  return off;
}

export function toFinding(rule: Rule, severity: Severity, r: Report): Finding {
  const g = r.guideline;
  return {
    ruleId: rule.id,
    severity,
    range: r.range,
    message: r.message,
    ...(r.fix ? { fix: r.fix } : {}),
    ...(r.alternatives && r.alternatives.length > 0 ? { alternatives: r.alternatives } : {}),
    ...(g ? {
      guideline: {
        exercise: g.name, source: g.source ?? '', file: g.file, range: g.range,
        ...(g.meta.title !== undefined ? { protocol: g.meta.title } : {}),
        ...(g.stage !== undefined ? { stage: g.stage } : {}),
      },
    } : {}),
    ...(r.addGuideline ? { addGuideline: r.addGuideline } : {}),
  };
}

export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** The rules a check runs (all unless `ctx.rules` says), without those the options switch off, with their severity. */
export function activeRules(ctx: CheckContext, options: ResolvedOptions): { rules: Rule[]; severity: (rule: Rule) => Severity } {
  const level = (rule: Rule): Severity | 'off' => options.rules[rule.id] ?? rule.defaultSeverity;
  const rules = (ctx.rules ?? RULES).filter((r) => level(r) !== 'off');
  const levels = new Map(rules.map((r) => [r, level(r) as Severity]));
  return { rules, severity: (rule) => levels.get(rule) ?? rule.defaultSeverity };
}

/** What every rule's context holds in one check, whatever part of the log it reports on. */
export type RuleInputs = Omit<RuleContext, 'scope' | 'view' | 'perBlock' | 'report'>;

/** How a check hands out a scope's blocks' summaries (`RuleContext.perBlock`). */
export type PerBlock = <T>(summary: BlockSummary<T>) => Generator<undefined, readonly T[]>;

/** `perBlock` over a scope read as one block. */
export function oneBlock(scope: RuleScope): PerBlock {
  // eslint-disable-next-line require-yield -- one block is one step
  return function* <T>(summary: BlockSummary<T>): Generator<undefined, readonly T[]> {
    return [summary(scope)];
  };
}

/**
 * The rule runner: runs `rules` one after another on `scope` (with the log's `view` and `perBlock`), as steps (it yields after each rule, and
 * inside a rule that yields), and adds what each reports to `out` as a finding of that rule at its
 * severity. Findings come in the order reported; sorting and suppression comments are the caller's.
 */
export function* runRules(rules: readonly Rule[], inputs: RuleInputs, scope: RuleScope, view: () => LogView, perBlock: PerBlock, severity: (rule: Rule) => Severity, out: Finding[]): Generator<undefined> {
  let current = rules[0];
  const ctx: RuleContext = {
    ...inputs, scope, view, perBlock,
    report: (r: Report) => {
      if (current) {
        out.push(toFinding(current, severity(current), r));
      }
    },
  };
  for (const rule of rules) {
    current = rule;
    const steps = rule.check(ctx);
    if (steps) {
      yield* steps;
    }
    yield;
  }
}

/** The findings a check returns: in position order, without those a suppression comment switches off. */
export function visible(findings: Finding[], log: AthleteLog): Finding[] {
  findings.sort(byPosition);
  if (log.suppressions.length === 0) {
    return findings;
  }
  const suppressions = [...log.suppressions].sort((a, b) => a.line - b.line);
  return findings.filter((f) => !isSuppressed(suppressions, f.ruleId, f.range.start.line));
}

/**
 * The check contract every engine keeps: `read` a text into its model (as steps; a host's `TreeParser`
 * may parse the Markdown elsewhere), then `check` the model that `read` returned last with the rules.
 * The service needs the model in between: its front matter names guideline files to read first.
 *
 * `plainEngine` does both from scratch every time. The accelerator (incremental/document.ts,
 * `LogDocument`) keeps what it worked out for the next text of the same document, and must return the
 * same, byte for byte: test/unit/incremental.test.ts holds it to the plain engine.
 */
export interface CheckEngine {
  read(text: string, parser?: TreeParser): Steps<AthleteLog>;
  check(log: AthleteLog, ctx: CheckContext): Steps<Finding[]>;
}

/** Runs every active rule on the whole of a model read from `text`, through the plain LogView. */
export function* checkLog(text: string, log: AthleteLog, ctx: CheckContext): Generator<undefined, Finding[]> {
  const options = resolveOptions(ctx.options);
  const { rules, severity } = activeRules(ctx, options);
  const inputs: RuleInputs = {
    text, index: lineIndexOf(log, text), log, library: ctx.library, options,
    logByPath: ctx.logByPath ?? false, guidelineFiles: ctx.guidelineFiles ?? [],
  };
  let view: LogView | undefined;
  const findings: Finding[] = [];
  yield* runRules(rules, inputs, log, () => (view ??= plainLogView(log, ctx.library)), oneBlock(log), severity, findings);
  return visible(findings, log);
}

/**
 * The plain engine: reads the text in one piece (read/assemble.ts) and runs every rule on the whole log
 * (`checkLog`). It keeps nothing between texts.
 */
export function plainEngine(options: { readonly dateOrder?: DateOrder } = {}): CheckEngine {
  let last: { text: string; log: AthleteLog } | undefined;
  const state = startState(options.dateOrder);
  return {
    *read(text) {
      const log = parseWhole(text, state);
      last = { text, log };
      yield;
      return log;
    },
    check(log, ctx) {
      if (last?.log !== log) {
        throw new Error('check the model that read returned last');
      }
      return checkLog(last.text, log, ctx);
    },
  };
}

/** The plain engine in one go: the model of `text` and its findings. */
export function check(text: string, ctx: CheckContext): CheckResult {
  const log = parseWhole(text);
  return { log, findings: runSteps(checkLog(text, log, ctx)) };
}
