/** A plain-text summary a clinician can paste into a health record (Copy Program Summary, render --format text). */
import { describeDosage } from '../dosage/format.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import { exerciseHistory } from '../coaching/history.js';
import type { AthleteLog, Finding } from '../model.js';

export function renderSummary(log: AthleteLog, findings: readonly Finding[], library: GuidelineLibrary, today: string): string {
  const out: string[] = [];
  out.push(`Athlete: ${log.athlete ?? 'not given'}`);
  for (const [k, v] of [['Coach', log.coach], ['Condition', log.condition], ['Side', log.side], ['Started', log.started]] as const) {
    if (v) {
      out.push(`${k}: ${v}`);
    }
  }
  out.push(`Summary date: ${today}`);
  const checked = log.assessment.filter((a) => a.checked);
  if (checked.length > 0) {
    out.push('', 'Assessment findings:', ...checked.map((a) => `- ${a.text}`));
  }
  if (log.phases.length > 0) {
    out.push('', 'Program:');
    for (const p of log.phases) {
      out.push(`${p.name}`);
      for (const x of p.prescriptions) {
        const g = library.lookup(x.name);
        const words = describeDosage(x.dosage, ', ') || 'no dosage given';
        out.push(`- ${x.name}: ${words}${g?.source ? ` [guideline: ${g.source}]` : ''}`);
      }
    }
  }
  const dated = log.sessions.filter((s) => s.date !== undefined);
  if (dated.length > 0) {
    const last = [...dated].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
    out.push('', `Sessions logged: ${dated.length}${last?.date ? `, last on ${last.date}` : ''}`);
    for (const h of exerciseHistory(log, library)) {
      const pains = h.points.filter((p) => p.pain !== undefined).map((p) => `${p.pain}`);
      // Oldest to newest, with arrows: `>` would read as "greater than".
      const scores = pains.length === 1 ? `, pain ${pains[0]} out of 10` : pains.length > 1 ? `, pain ${pains.join(' → ')} out of 10` : '';
      out.push(`- ${h.name}: ${h.points.length} session${h.points.length === 1 ? '' : 's'}${scores}`);
    }
  }
  const notable = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (notable.length > 0) {
    out.push('', 'Checks to review:', ...notable.map((f) => `- line ${f.range.start.line}: ${f.message}`));
  }
  return `${out.join('\n')}\n`;
}
