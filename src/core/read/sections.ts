/** The section headings of a log (FORMAT.md "Structure"): Assessment, Program and Log, with their other names. */
import type { SectionKind } from '../model.js';

const SECTION_NAMES: Readonly<Record<SectionKind, readonly string[]>> = {
  assessment: ['assessment', 'evaluation', 'findings'],
  program: ['program', 'plan', 'prescription', 'home program', 'exercises'],
  log: ['log', 'session log', 'sessions', 'training log', 'journal'],
};

/** The section a heading's text names (case and spacing aside; `Program (weeks 1-6)` and `Log: 2026` too), or undefined. */
export function sectionKind(title: string): SectionKind | undefined {
  const t = title.trim().toLowerCase().replace(/\s*[:(].*$/, '').replace(/\s+/g, ' ');
  for (const [kind, names] of Object.entries(SECTION_NAMES) as [SectionKind, readonly string[]][]) {
    if (names.includes(t)) {
      return kind;
    }
  }
  return undefined;
}
