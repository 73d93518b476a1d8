import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../../../test/cli.js';
import { demoCasesDir } from '../../demo/load-demo-cases.js';
import { type ChoosePath, planCommand } from './plan.js';

async function run(args: string[], choosePath?: ChoosePath) {
  const io = capturingIo();
  const cmd = planCommand(io, choosePath)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  await cmd.parseAsync(args, { from: 'user' });

  return io.stdout();
}

const CASE_09 = join(demoCasesDir(), '09-lemnaria-carpati.json');

describe('redcard plan', () => {
  it('--json prints the plan in the CASE_FORMAT shape', async () => {
    const plan = JSON.parse(await run([CASE_09, '--path', 'finish_then_exit', '--json']));
    expect(plan).toMatchObject({ path: 'finish_then_exit', tell_client_on: '2026-11-22', work_ends_on: '2026-12-22', lawyer_first: false });
    expect(plan.money).toMatchObject({ owed_to_you_minor: 0, interest_minor: 317, refund_minor: 0 });
    expect(plan.steps[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      // Added beside the English title for the web UI's languages (CASE_FORMAT.md: "prints at least").
      title_i18n: { key: expect.stringMatching(/^step\./), params: expect.any(Object) },
      due: '2026-11-22',
      owner: expect.any(String),
      rule: expect.any(String),
      done: false,
    });
  });

  it('prints a dated checklist with the money for people', async () => {
    const text = await run([CASE_09, '--path', 'finish_then_exit']);
    expect(text).toMatch(/Exit plan for Lemnăria Carpați SRL: finish then exit, as of 2026-11-22/);
    expect(text).toMatch(/Tell the client: +2026-11-22/);
    expect(text).toMatch(/Work ends: +2026-12-22/);
    expect(text).toMatch(/\[ \] +2026-12-18 +Finish "Spring 2027 collection pages/);
    expect(text).toMatch(/Final invoice +1,348\.39 EUR/);
  });

  it('--today overrides the file and shows the lawyer and collection on stop_and_collect', async () => {
    const text = await run([join(demoCasesDir(), '10-transbalt-logistika.json'), '--path', 'stop_and_collect', '--today', '2026-11-23']);
    expect(text).toMatch(/Tell the client: +2026-11-23/);
    expect(text).toMatch(/Lawyer first: +yes/);
    expect(text).toMatch(/The client is a large business/);
    expect(text).toMatch(/Collection/);
    expect(text).toMatch(/teismo įsakymas/);
  });

  it('asks choosePath without --path, and fails clearly when no path is given', async () => {
    const plan = JSON.parse(await run([CASE_09, '--json'], () => 'immediate'));
    expect(plan.path).toBe('immediate');
    await expect(run([CASE_09])).rejects.toThrow(/add --path/);
    await expect(run([CASE_09], () => null)).rejects.toThrow(/add --path/);
  });

  it('rejects a bad path, bad JSON and a missing file', async () => {
    await expect(run([CASE_09, '--path', 'run_away'])).rejects.toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'redcard-plan-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    await expect(run([bad, '--path', 'immediate'])).rejects.toThrow(/not valid JSON/);
    await expect(run([join(dir, 'missing.json'), '--path', 'immediate'])).rejects.toThrow(/No case file/);
  });
});
