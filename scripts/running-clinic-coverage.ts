// The coverage of examples/running-clinic/*.md (issue 15's "Done when"): `npx tsx scripts/running-clinic-coverage.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { coverage } from '../test/clinic-coverage.js';
import { service, ROOT } from '../test/helpers.js';

async function main(): Promise<void> {
const dir = path.join(ROOT, 'examples', 'running-clinic');
const rows: string[] = ['| log | exercise lines | cited guideline | checked by week | by schedule stage | not matched |', '|---|---|---|---|---|---|'];
for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
  const r = await service.check({ text: readFileSync(path.join(dir, f), 'utf8') });
  if (!r) {
    continue;
  }
  const c = coverage(r.log, r.library);
  rows.push(`| ${f} | ${c.lines} | ${c.cited} | ${c.byWeek} | ${c.staged} | ${[...new Set(c.unmatched)].join(', ')} |`);
}
console.log(rows.join('\n'));
}

void main();
