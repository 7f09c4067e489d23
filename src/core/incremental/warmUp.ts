/**
 * Warming the parser and the model code up in short steps before the first check of a fresh host.
 */
import type { Block } from '../markdown/blocks.js';
import { parseMarkdown } from '../markdown/parse.js';
import { assembleBlock, startState, stateAfter, type ReadState } from '../read/assemble.js';
import { LineIndex } from '../text.js';
import type { Steps } from '../scheduler/steps.js';

/**
 * The first parse through each pipeline compiles much of the parser, and the first assembly much of the
 * model code (the first 2 KB of a log took 45 ms, a whole step, in a fresh extension host). The first
 * check warms them up on a small sample log first, a block per step, so that cost is spread over short
 * steps.
 */
const WARM_UP_BLOCKS: readonly string[] = [
  '---\nathlete: Sample\nstarted: 2020-01-01\nguidelines: [a.md]\n---\n',
  '# Sample: plan\n\n## Assessment\n- [x] Sore spot\n- [ ] Pain with pressure\n',
  '## Program\n\n### Phase 1: Strength (weeks 1-2)\n- Chair Bridge: 3 x 10, hold 3-6 s, 2x daily\n- Warm-up\n  - Marching drill: 3 bouts x 12 s, before run\n  - Bridge Walk-Out: 2-3 x 10, 4-5 steps each leg\n',
  '## Log\n\n### 2020-01-01 (AM)\n- Chair Bridge: three sets of 10, hold 3 s. Pain 2/10\n- ~~Skipping drill~~\n\nFelt *good*, ran **easy**; see [notes](https://example.com) or www.example.com.\n',
  '### 2020-01-02\n| Exercise | Sets |\n| --- | --- |\n| Chair Bridge | 3 |\n\n> Quoted\n\n1. one\n2. two\n\n`code` and a note[^1]\n\n[^1]: Footnote.\n\n```\nfenced\n```\n<!-- athlete-log-disable-next-line -->\n',
];
let warm = false;

export function* warmUp(): Steps<void> {
  if (warm) {
    return;
  }
  warm = true;
  const text = WARM_UP_BLOCKS.join('\n');
  const index = new LineIndex(text);
  let start = 0;
  let stack: ReadState = startState();
  for (const [i, t] of WARM_UP_BLOCKS.entries()) {
    const block: Block = { start, line: index.point(start).line, text: t, kind: i === 0 ? 'front-matter' : 'body' };
    const tree = parseMarkdown(t, i === 0);
    yield;
    stack = stateAfter(stack, assembleBlock(index, block, tree, stack));
    yield;
    start += t.length + 1;
  }
}
