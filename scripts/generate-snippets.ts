// Writes snippets/athlete-log.code-snippets from the built-in guideline library. Run: npm run snippets.
// test/unit/snippets.test.ts fails when the checked-in file drifts from what this writes.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinGuidelines, packageRoot } from '../src/cli/node-host.js';
import { GuidelineLibrary, parseGuidelineFile } from '../src/core/index.js';
import { snippetsFile } from '../src/core/snippets.js';

export function generate(root = packageRoot()): string {
  const lib = new GuidelineLibrary(builtinGuidelines(root).map((g) => parseGuidelineFile(g.text, g.path)));
  return `${JSON.stringify(snippetsFile(lib.all(), lib.protocols()), null, 2)}\n`;
}

if (require.main === module) {
  const out = path.join(packageRoot(), 'snippets', 'athlete-log.code-snippets');
  writeFileSync(out, generate());
  process.stdout.write(`wrote ${out}\n`);
}
