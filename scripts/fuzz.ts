// `npm run fuzz`: the robustness property (test/robustness.ts: strings, CR-only files, deep indentation and
// files as bytes that are not UTF-8) with many more cases and a fresh seed (printed, to replay).
// usage: npm run fuzz [-- RUNS]   (default 100000)
import fc from 'fast-check';
import { hostileInput, inputNeverBreaks } from '../test/robustness.js';

const runs = Number(process.argv[2] ?? 100000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
process.stdout.write(`fuzz: ${runs} cases, seed ${seed} (replay with FUZZ_SEED=${seed})\n`);
const t0 = Date.now();
fc.assert(fc.asyncProperty(hostileInput, inputNeverBreaks), { seed, numRuns: runs })
  .then(() => process.stdout.write(`fuzz: ${runs} cases passed in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`))
  .catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
