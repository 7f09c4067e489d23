/**
 * The built-in protocol library: every entry's own dosage checks clean as a prescription and each number
 * pushed out of its range is flagged; no range rests on an unconfirmed fact; schedules compare by week;
 * a log's protocol or condition decides which guideline a shared exercise uses; "Add a guideline for X".
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { addGuideline, atWeeks, isBuiltinFile, newGuideline, protocolPainRule, parseDosage, parseGuidelineFile, weekOf, type Finding, type Guideline, type Quantity } from '../../src/core/index.js';
import { shortSource } from '../../src/core/rules/rule.js';
import { protocolSnippet } from '../../src/core/snippets.js';
import { builtinLibrary, read, ROOT, service } from '../helpers.js';

const lib = builtinLibrary();

/** The rule that compares each numeric part. */
const RULE_OF: Readonly<Record<string, string>> = {
  sets: 'sets-out-of-range', reps: 'reps-out-of-range', holdSeconds: 'hold-out-of-range', bouts: 'bouts-out-of-range',
  boutSeconds: 'bout-duration-out-of-range', steps: 'steps-out-of-range', perDay: 'frequency-out-of-range', perWeek: 'frequency-out-of-range',
};

function log(front: Record<string, string>, body: string[]): string {
  return ['---', 'athlete: Table Test', ...Object.entries(front).map(([k, v]) => `${k}: ${v}`), '---', '', ...body, ''].join('\n');
}

async function findings(text: string): Promise<Finding[]> {
  const r = await service.check({ text, options: { today: '2026-06-01' } });
  assert.ok(r, 'an athlete log');
  return r.findings;
}

function show(fs: readonly Finding[]): string[] {
  return fs.map((f) => `${f.range.start.line}: ${f.ruleId} ${f.message}`);
}

/** Line, rule, the guideline and the stage of its schedule a finding compared with. */
function brief(fs: readonly Finding[]): string[] {
  return fs.map((f) => `${f.range.start.line}: ${f.ruleId} ${f.guideline?.exercise ?? ''}${f.guideline?.stage ? `, ${f.guideline.stage}` : ''}`);
}

/** Every built-in entry with numbers, with the protocol it belongs to. */
const ENTRIES: Guideline[] = lib.files.filter((f) => isBuiltinFile(f.file)).flatMap((f) => f.guidelines).filter((g) => g.dosageText !== undefined);

/** The dosage text with one number moved just above its range (none for a minimum such as `hold at least 6 s`). */
function outside(text: string, field: string): string | undefined {
  const q = (parseDosage(text) as unknown as Record<string, Quantity | undefined>)[field];
  if (!q || !Number.isFinite(q.max)) {
    return undefined;
  }
  const scale = q.unitScale ?? 1;
  const value = q.max / scale + 1;
  return `${text.slice(0, q.start)}${value}${text.slice(q.end)}`;
}

describe('protocol library', () => {
  it('has one guideline file per protocol, each describing itself, without problems', () => {
    assert.deepEqual(lib.problems, []);
    const names = lib.protocols().map((p) => p.protocol).sort();
    for (const p of ['acsm', 'alfredson', 'ankle-balance', 'askling', 'calf-raise-test', 'copenhagen', 'hamstring', 'hsr-achilles', 'hsr-patellar', 'isometrics', 'nordic', 'plantar-heel', 'silbernagel']) {
      assert.ok(names.includes(p), p);
    }
    for (const p of lib.protocols()) {
      assert.ok(p.meta.title, `${p.protocol} has a title`);
      assert.ok(p.meta.region, `${p.protocol} has a region`);
      assert.ok(p.meta.conditions.length > 0, `${p.protocol} has conditions`);
      assert.match(p.meta.source ?? '', /\d{4}|iRunFar/, `${p.protocol} cites its source with a year`);
      assert.equal(p.file, `built-in:${p.protocol}.md`);
      for (const g of p.guidelines) {
        assert.equal(g.file, p.file, `${g.name} keeps its own file`);
        assert.ok(g.cues.length > 0, `${g.name} has cues`);
        assert.match(g.source ?? '', /\d{4}|iRunFar/, `${g.name} cites authors and year`);
      }
    }
  });

  it('keeps the pain-monitoring model as the tendinopathy protocols\' pain threshold', () => {
    for (const p of ['alfredson', 'silbernagel', 'hsr-achilles', 'hsr-patellar', 'isometrics']) {
      assert.equal(lib.protocol(p)?.meta.painThreshold, 5, p);
      assert.match(lib.protocol(p)?.meta.painRule ?? '', /./, p);
    }
    assert.equal(lib.protocol('askling')?.meta.painThreshold, 0);
    assert.equal(lib.protocol('copenhagen')?.guidelines[0]?.painThreshold, 3);
  });

  it('builds no range from an unconfirmed fact, and says where secondary facts were read', () => {
    let checked = 0;
    for (const p of lib.protocols()) {
      for (const g of p.guidelines) {
        for (const part of g.parts) {
          const status = g.status[part] ?? g.status.all;
          assert.ok(status === 'confirmed' || status === 'secondary', `${p.protocol}: ${g.name} ${part} is ${status ?? 'without a status'}`);
          if (status === 'secondary') {
            assert.match(g.source ?? '', /restated/, `${p.protocol}: ${g.name} ${part} is secondary, so its Source says where it was restated`);
          }
          checked++;
        }
        for (const [part, status] of Object.entries(g.status)) {
          if (status === 'unconfirmed') {
            assert.ok(!g.parts.includes(part), `${g.name}: ${part} is unconfirmed yet written as a range`);
          }
        }
      }
    }
    assert.ok(checked > 30, `${checked} parts checked`);
  });

  it('reports a part with an unconfirmed status in a guideline file the test reads', () => {
    const f = parseGuidelineFile('## X\n- Dosage: 3 x 10\n- Status: dosage unconfirmed\n- Source: nobody, 2020\n', 'x.md');
    assert.equal(f.guidelines[0]?.status.dosage, 'unconfirmed');
    assert.deepEqual(f.guidelines[0]?.parts, ['dosage']);
  });

  describe('every entry\'s example prescription checks clean, and each number outside its range is flagged', () => {
    for (const g of ENTRIES) {
      it(`${g.protocol}: ${g.name}`, async () => {
        const front = { protocol: g.protocol };
        const clean = await findings(log(front, ['## Program', `- ${g.name}: ${g.dosageText ?? ''}`]));
        assert.deepEqual(show(clean), []);
        let flagged = 0;
        for (const [field, rule] of Object.entries(RULE_OF)) {
          const text = outside(g.dosageText ?? '', field);
          if (text === undefined) {
            continue;
          }
          const out = await findings(log(front, ['## Program', `- ${g.name}: ${text}`]));
          assert.ok(out.some((f) => f.ruleId === rule && f.guideline?.exercise === g.name), `${text}: ${show(out).join('; ')}`);
          flagged++;
        }
        assert.ok(flagged > 0, `${g.name} has a number to check`);
      });
    }
  });

  describe('schedules by week', () => {
    it('compares a session with the stage for its week, counted from started', async () => {
      const text = log({ protocol: 'nordic', started: '2026-01-05' }, [
        '## Log', '', '### 2026-01-06', '- Nordic hamstring curl: 3 x 8, 1x/week', '',
        '### 2026-02-04', '- Nordic hamstring curl: 3 x 10, 3x/week',
      ]);
      const fs = await findings(text);
      assert.deepEqual(brief(fs.filter((f) => f.ruleId !== 'not-in-program' && f.ruleId !== 'log-gap')), [
        '10: sets-out-of-range Nordic hamstring curl, week 1',
        '10: reps-out-of-range Nordic hamstring curl, week 1',
      ]);
      assert.match(fs[0]?.message ?? '', /week 1/);
      assert.equal(fs[0]?.guideline?.stage, 'week 1');
      assert.match(fs[0]?.guideline?.protocol ?? '', /Nordic/);
    });

    it('keeps the maintenance stage open-ended and the envelope before week 1', async () => {
      const text = log({ protocol: 'nordic', started: '2026-01-05' }, [
        '## Log', '', '### 2026-05-04', '- Nordic hamstring curl: 3 x 10, 3x/week', '', '### 2025-12-01', '- Nordic hamstring curl: 3 x 10, 3x/week',
      ]);
      const fs = (await findings(text)).filter((f) => f.ruleId === 'frequency-out-of-range');
      assert.deepEqual(fs.map((f) => f.range.start.line), [10]);
      assert.match(fs[0]?.message ?? '', /week 18/);
    });

    it('compares a phase with every stage its weeks cover', async () => {
      const text = log({ protocol: 'hsr-patellar' }, [
        '## Program', '### Phase 1 (weeks 1-3)', '- Squat (HSR): 4 x 12-15, 3x/week, tempo 3-0-3', '- Leg press (HSR): 4 x 10, 3x/week', '',
        '### Phase 3 (weeks 9-12)', '- Hack squat (HSR): 4 x 6, 3x/week',
      ]);
      assert.deepEqual(brief((await findings(text)).filter((f) => f.ruleId.endsWith('out-of-range'))), [
        '9: reps-out-of-range Leg press (HSR), weeks 1-3',
      ]);
    });

    it('compares weeks no stage covers with the whole programme\'s range (HSR Achilles weeks 6-8, missing in the copy read)', async () => {
      const text = log({ protocol: 'hsr-achilles', started: '2026-01-05' }, [
        '## Program', '### Phase 2 (weeks 4-8)', '- Seated heel raise: 3-4 x 8-10, 3x/week', '- Leg-press heel raise (HSR): 5 x 8, 3x/week', '',
        '## Log', '', '### 2026-02-17', '- Seated heel raise: 3 x 8, 3x/week',
      ]);
      assert.deepEqual(brief((await findings(text)).filter((f) => f.ruleId.endsWith('out-of-range'))), [
        '10: sets-out-of-range Leg-press heel raise (HSR), weeks 4-8',
      ]);
    });

    it('accepts any dosage of overlapping phases (Silbernagel) and moves HSR Achilles from 15RM-sized sets to 6', async () => {
      const silbernagel = log({ protocol: 'silbernagel', started: '2026-01-05' }, [
        '## Log', '', '### 2026-01-12', '- One-leg heel raise: 3 x 15, 1x daily', '', '### 2026-01-06', '- One-leg heel raise: 3 x 15, 1x daily',
      ]);
      assert.deepEqual(brief((await findings(silbernagel)).filter((f) => f.ruleId === 'reps-out-of-range')), [
        '13: reps-out-of-range One-leg heel raise, week 1',
      ]);
      const hsr = log({ protocol: 'hsr-achilles', started: '2026-01-05' }, [
        '## Log', '', '### 2026-01-06', '- Seated heel raise: 4 x 15, 3x/week', '', '### 2026-03-10', '- Seated heel raise: 4 x 6, 3x/week',
      ]);
      assert.deepEqual(brief((await findings(hsr)).filter((f) => f.ruleId.endsWith('out-of-range'))), [
        '10: sets-out-of-range Seated heel raise (HSR), week 1',
      ]);
    });
  });

  describe('which protocol applies', () => {
    const heelRaise = async (front: Record<string, string>): Promise<string | undefined> => {
      const r = await service.check({ text: log(front, ['## Program', '- Heel raise: 3 x 15']) });
      return r?.library.lookup('Heel raise')?.name;
    };

    it('uses the protocol a log names for an exercise several protocols share', async () => {
      assert.equal(await heelRaise({ protocol: 'hsr-achilles' }), 'Standing barbell heel raise (HSR)');
      assert.equal(await heelRaise({ protocol: 'silbernagel' }), 'One-leg heel raise');
      assert.equal(await heelRaise({ protocol: 'ankle-balance' }), 'Heel raise off a step (balance)');
      assert.equal(await heelRaise({ protocols: '[ankle-balance, silbernagel]' }), 'Heel raise off a step (balance)');
    });

    it('matches the log\'s condition to the protocols\' conditions', async () => {
      assert.equal(await heelRaise({ condition: 'Right lateral ankle sprain' }), 'Heel raise off a step (balance)');
      const r = await service.check({ text: log({ condition: 'Left Achilles tendinopathy' }, ['## Program', '- Nordic curl: 2 x 5']) });
      assert.deepEqual([...(r?.library.active ?? [])].sort(), ['alfredson', 'calf-raise-test', 'hsr-achilles', 'silbernagel']);
    });

    it('runs the hamstring differential only for posterior-thigh protocols or logs with no known condition', async () => {
      const body = ['## Assessment', '- [x] Tingling or buzzing down the leg', '- [x] Numbness in the foot', '- [x] Pain with pressure on the SI joint'];
      const ids = async (front: Record<string, string>): Promise<string[]> => (await findings(log(front, body))).map((f) => f.ruleId);
      assert.ok((await ids({ condition: 'Left hamstring strain' })).includes('differential-diagnosis'));
      assert.ok((await ids({})).includes('differential-diagnosis'));
      assert.ok(!(await ids({ condition: 'Left Achilles tendinopathy' })).includes('differential-diagnosis'));
      assert.ok(!(await ids({ protocol: 'copenhagen' })).includes('differential-diagnosis'));
    });

    it('checks a loaded exercise no guideline names against the ACSM strength defaults', async () => {
      const fs = await findings(log({}, ['## Program', '- Romanian deadlift: 5 x 5 @ 60 kg, 2x/week']));
      assert.deepEqual(brief(fs), [
        '6: sets-out-of-range Strength exercise',
        '6: reps-out-of-range Strength exercise',
      ]);
      assert.match(fs[0]?.guideline?.source ?? '', /Med Sci Sports Exerc 2009/);
    });
  });

  it('cites a paper in a message as first author and year, and any other source as written', () => {
    assert.equal(shortSource({ source: lib.protocol('alfredson')?.meta.source ?? '', file: 'x' }), 'Alfredson et al. 1998');
    assert.equal(shortSource({ source: lib.protocol('acsm')?.guidelines[0]?.source ?? '', file: 'x' }), 'ACSM 2009');
    assert.equal(shortSource({ source: 'Clinic protocol, 2026', file: 'x' }), 'Clinic protocol, 2026');
    assert.equal(shortSource({ source: '"Hamstrung", Stay the Course column, Joe Uhan, iRunFar', file: 'x' }), 'Hamstrung, iRunFar');
  });

  it('gives the handout the pain rule of the protocol the log names', async () => {
    const rule = async (front: Record<string, string>): Promise<ReturnType<typeof protocolPainRule>> => {
      const r = await service.check({ text: log(front, ['## Program', '- Extender: 3 x 12, 2x daily']) });
      return r ? protocolPainRule(r.library) : undefined;
    };
    assert.deepEqual(await rule({ protocol: 'askling' }), {
      text: 'every exercise stops short of pain (as restated in several summaries of the protocol)',
      source: `Askling L-protocol for acute hamstring strain: ${lib.protocol('askling')?.meta.source ?? ''}`,
    });
    assert.equal((await rule({ protocol: 'alfredson' }))?.threshold, 5);
    assert.equal(await rule({ condition: 'Left hamstring strain' }), undefined, 'a condition alone names no pain rule');
    assert.equal(await rule({ protocol: 'nordic' }), undefined);
  });

  it('gives each protocol a snippet of its whole program that checks clean under that protocol', async () => {
    const protocols = lib.protocols().filter((p) => p.guidelines.some((g) => g.dosageText !== undefined));
    assert.ok(protocols.length >= 12);
    for (const p of protocols) {
      const t = protocolSnippet(p);
      assert.ok(t, p.protocol);
      const body = t.body.join('\n').replace(/\$0/g, '').replace(/\\([$}\\])/g, '$1');
      const fs = await findings(log({ protocol: p.protocol }, [body]));
      assert.deepEqual(show(fs.filter((f) => f.severity !== 'information')), [], `${p.protocol}:\n${body}`);
    }
  });

  describe('Add a guideline for X', () => {
    it('carries the prescribed dosage on unknown-exercise', async () => {
      const fs = await findings(log({}, ['## Program', '- Spanish squat: 5 reps, hold 45 s, 1x daily', '## Log', '### 2026-01-06', '- Spanish squat: 4 reps, hold 45 s']));
      const unknown = fs.filter((f) => f.ruleId === 'unknown-exercise');
      assert.equal(unknown.length, 2);
      for (const f of unknown) {
        assert.deepEqual(f.addGuideline && { exercise: f.addGuideline.exercise, dosage: f.addGuideline.dosage }, { exercise: 'Spanish squat', dosage: '5 reps, hold 45 s, 1x daily' });
      }
      const typo = (await findings(log({}, ['## Program', '- Chiar Bridge: 3 x 10']))).find((f) => f.ruleId === 'unknown-exercise');
      assert.equal(typo?.addGuideline, undefined, 'a likely typo gets the rename, not a new guideline');
    });

    it('creates the file, appends to it, and leaves an exercise it already has', () => {
      const entry = newGuideline('Spanish squat', '5 reps, hold 45 s, 1x daily');
      const created = addGuideline(undefined, entry) ?? '';
      const parsed = parseGuidelineFile(created, 'athlete-guidelines.md');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.guidelines[0]?.name, 'Spanish squat');
      assert.deepEqual([parsed.guidelines[0]?.dosage?.reps?.max, parsed.guidelines[0]?.dosage?.holdSeconds?.max], [5, 45]);
      const more = addGuideline(created, newGuideline('Wall sit', '3 reps, hold 30 s')) ?? '';
      assert.ok(more.startsWith(created.trimEnd()));
      assert.deepEqual(parseGuidelineFile(more, 'g.md').guidelines.map((g) => g.name), ['Spanish squat', 'Wall sit']);
      assert.equal(addGuideline(more, newGuideline('spanish Squat', '1 x 1')), undefined);
      assert.ok((addGuideline('## A\r\n- Dosage: 1 x 1\r\n', entry) ?? '').includes('\r\n## Spanish squat\r\n'));
    });
  });

  it('matches most exercises of the running-clinic example logs to a cited guideline and checks them by week', async () => {
    const dir = path.join(ROOT, 'examples', 'running-clinic');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 7);
    let lines = 0;
    let matched = 0;
    let byWeek = 0;
    const warnings: string[] = [];
    for (const f of files) {
      const r = await service.check({ text: read(path.join(dir, f)), path: path.join(dir, f), options: { today: '2026-11-30' } });
      assert.ok(r, f);
      for (const x of r.findings) {
        assert.notEqual(x.severity, 'error', `${f}: ${x.message}`);
        if (x.severity === 'warning') {
          warnings.push(`${f}:${x.range.start.line} ${x.ruleId}`);
        }
      }
      for (const s of r.log.sessions) {
        const week = weekOf(r.log.started, s.date);
        for (const e of s.entries) {
          lines++;
          const g = r.library.lookup(e.name) ?? r.library.fallback(e.dosage);
          if (g) {
            matched++;
            if (g.schedule && atWeeks(g, week === undefined ? undefined : { min: week, max: week }).stage) {
              byWeek++;
            }
          }
        }
      }
    }
    assert.ok(matched / lines >= 0.9, `${matched} of ${lines} logged exercises matched`);
    assert.ok(byWeek >= 15, `${byWeek} entries compared with the stage for their week`);
    // The only warnings are the two the examples show on purpose.
    assert.deepEqual(warnings.sort(), ['ankle.athlete.md:27 sets-out-of-range', 'hamstring.athlete.md:39 pain-above-threshold', 'strength.athlete.md:26 reps-out-of-range', 'strength.athlete.md:26 sets-out-of-range']);
  });
});
