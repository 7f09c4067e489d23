/**
 * The one rule runner (`runRules`): severities from options, findings in a stable order, suppression
 * comments; and `check`, the plain engine built on it.
 */
import type { GuidelineLibrary } from './guidelines/library.js';
import { plainLogView, type LogView } from './logView.js';
import type { AthleteLog, Finding, Severity, Suppression } from './model.js';
import { resolveOptions, type CheckOptions, type ResolvedOptions } from './options.js';
import { lineIndexOf, parseWhole } from './read/assemble.js';
import { runSteps } from './incremental/steps.js';
import { RULES } from './rules/index.js';
import type { GuidelineFileStatus, Report, Rule, RuleContext, RuleScope } from './rules/rule.js';

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
    ...(g ? { guideline: { exercise: g.name, source: g.source ?? '', file: g.file, range: g.range } } : {}),
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
export type RuleInputs = Omit<RuleContext, 'scope' | 'view' | 'report'>;

/**
 * The rule runner: runs `rules` one after another on `scope`, as steps (it yields after each rule, and
 * inside a rule that yields), and adds what each reports to `out` as a finding of that rule at its
 * severity. Findings come in the order reported; sorting and suppression comments are the caller's.
 */
export function* runRules(rules: readonly Rule[], inputs: RuleInputs, scope: RuleScope, view: () => LogView, severity: (rule: Rule) => Severity, out: Finding[]): Generator<undefined> {
  let current = rules[0];
  const ctx: RuleContext = {
    ...inputs, scope, view,
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
 * The plain engine: reads the text in one piece (read/assemble.ts) and runs every rule on the whole log,
 * through the plain LogView. It keeps nothing between calls; the accelerator (incremental/) gives the
 * same result, and tests hold it to this one.
 */
export function check(text: string, ctx: CheckContext): CheckResult {
  const log = parseWhole(text);
  const options = resolveOptions(ctx.options);
  const { rules, severity } = activeRules(ctx, options);
  const inputs: RuleInputs = {
    text, index: lineIndexOf(log, text), log, library: ctx.library, options,
    logByPath: ctx.logByPath ?? false, guidelineFiles: ctx.guidelineFiles ?? [],
  };
  let view: LogView | undefined;
  const findings: Finding[] = [];
  runSteps(runRules(rules, inputs, log, () => (view ??= plainLogView(log, ctx.library)), severity, findings));
  return { log, findings: visible(findings, log) };
}
