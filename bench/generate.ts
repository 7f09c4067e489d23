/**
 * Realistic athlete logs of a given size: front matter, assessment, a three-phase program, then dated
 * sessions with entries (some nested under a warm-up), pain scores and notes, oldest first.
 */
const EXERCISES = [
  ['Chair Bridge', (i: number) => `3 x 10, hold ${3 + (i % 4)} s. Pain ${i % 4}/10`],
  ['Bridge Walk-Out', (i: number) => `2 x 10, ${4 + (i % 2)} steps each leg`],
  ['Power Position', (i: number) => `5 reps, hold 6 s, each side. Pain ${(i + 1) % 3}/10`],
  ['Single-Leg Chair Bridge', (i: number) => `2 x 10, hold ${3 + (i % 3)} s`],
] as const;

const NOTES = [
  'Felt the glutes burn on the second set.',
  'Easy jog 20 minutes, no pain afterwards.',
  'Tight after the track session; cut the walk-outs short and iced for ten minutes.',
  'Slept badly, kept the load the same. **Good form** on every rep.',
];

function isoDay(n: number): string {
  return new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

export function generateLog(targetBytes: number): string {
  const head = `---
athlete: Bench Runner
coach: Sam Coach
condition: Left hamstring strain
side: left
started: 2020-01-01
---

# Bench Runner: hamstring return to run

## Assessment
- [x] Loss of range in straight-knee and bent-knee raise
- [x] Sore spot along the hamstring
- [ ] Pain with pressure on the SI joint

## Program

### Phase 1: Strength (weeks 1-2)
- Chair Bridge: 3 x 10, hold 3-6 s, 2x daily
- Bridge Walk-Out: 2-3 x 10, 4-5 steps each leg, 1x daily

### Phase 2: Glute activation (weeks 3-4)
- Power Position: 4-6 reps, hold 6 s, each side, 2x daily
- Single-Leg Chair Bridge: 2 x 10, hold 3-6 s, 1x daily

### Phase 3: Gait
- Marching drill: 3 bouts x 12 s, before run
- Skipping drill: 4 bouts x 15 s, before run

## Log
`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes; i++) {
    const lines = [``, `### ${isoDay(i)}${i % 7 === 6 ? ' (long run)' : ''}`];
    if (i % 3 === 0) {
      lines.push('- Warm-up', '  - Marching drill: 3 bouts x 12 s', '  - Skipping drill: 4 bouts x 15 s');
    }
    for (let k = 0; k < 3; k++) {
      const [name, dose] = EXERCISES[(i + k) % EXERCISES.length] ?? EXERCISES[0];
      lines.push(`- ${name}: ${dose(i + k)}`);
    }
    lines.push('', NOTES[i % NOTES.length] ?? '');
    const block = lines.join('\n');
    parts.push(block);
    size += block.length;
  }
  return `${parts.join('\n')}\n`;
}
