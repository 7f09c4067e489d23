/** Runs the rules over a parsed log: severities from options, suppression comments, stable order. */
import type { GuidelineLibrary } from './guidelines/library.js';
import type { AthleteLog, Finding, Severity, Suppression } from './model.js';
import { resolveOptions, type CheckOptions } from './options.js';
import { lineIndexOf } from './read/assemble.js';
import { runSteps } from './incremental/steps.js';
import { RULES } from './rules/index.js';
import type { GuidelineFileStatus, Report, Rule } from './rules/rule.js';
import { Timeline } from './incremental/timeline.js';

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
    ...(g ? { guideline: { exercise: g.name, source: g.source ?? '', file: g.file, range: g.range } } : {}),
  };
}

export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Checks a whole model with every rule at once, as steps: it yields after each rule. */
export function* checkSteps(text: string, log: AthleteLog, ctx: CheckContext, index = lineIndexOf(log, text)): Generator<undefined, Finding[]> {
  const options = resolveOptions(ctx.options);
  const findings: Finding[] = [];
  const suppressions = [...log.suppressions].sort((a, b) => a.line - b.line);
  let timeline: Timeline | undefined;
  for (const rule of ctx.rules ?? RULES) {
    const configured = options.rules[rule.id];
    if (configured === 'off') {
      continue;
    }
    const severity: Severity = configured ?? rule.defaultSeverity;
    const steps = rule.check({
      text, index, log, library: ctx.library, options,
      logByPath: ctx.logByPath ?? false,
      guidelineFiles: ctx.guidelineFiles ?? [],
      scope: log,
      timeline: () => (timeline ??= Timeline.of(log, ctx.library)),
      report(r) {
        if (!isSuppressed(suppressions, rule.id, r.range.start.line)) {
          findings.push(toFinding(rule, severity, r));
        }
      },
    });
    if (steps) {
      yield* steps;
    }
    yield;
  }
  return findings.sort(byPosition);
}

/** Checks an already parsed log in one go. */
export function checkModel(text: string, log: AthleteLog, ctx: CheckContext, index = lineIndexOf(log, text)): Finding[] {
  return runSteps(checkSteps(text, log, ctx, index));
}
