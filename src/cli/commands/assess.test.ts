import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { assessCommand } from './assess.js';

const CASES = fileURLToPath(new URL('../../demo/cases/', import.meta.url));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };

  return { io, out, err };
}

async function runAssess(...args: string[]) {
  const { io, out } = fakeIo();
  await new Command().addCommand(assessCommand(io)).parseAsync(['node', 'x', 'assess', ...args]);

  return out.join('');
}

async function failure(...args: string[]) {
  try {
    await runAssess(...args);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('redcard assess', () => {
  it('--json prints the assessment', async () => {
    const result = JSON.parse(await runAssess(join(CASES, '11-zalias-kiemas.json'), '--json'));
    expect(result).toMatchObject({ recommendation: 'red_card', path: 'stop_and_collect', today: '2026-11-22' });
    expect(Object.keys(result.dimensions)).toEqual([
      'payment',
      'respect',
      'boundaries',
      'cooperation',
      'legality',
      'economics',
      'wellbeing',
    ]);
    expect(result.reasons[0].rule).toBe('D2');
    expect(result.score).toBeGreaterThanOrEqual(0);
  });

  it('prints the recommendation, score, dimensions, reasons and impact in words', async () => {
    const text = await runAssess(join(CASES, '08-baltijskie-okna.json'));
    expect(text).toContain('Recommendation: reassign: move the client to another team member (DOMAIN.md section 7, rule 4)');
    expect(text).toMatch(/Score: \d+\/100/);
    expect(text).toMatch(/ {2}respect +\d+\/100 {2}\(weight 20%\) {2}2 incidents/);
    expect(text).toContain('  D5  All 3 serious incidents involve one team member, Maria');
    expect(text).toContain('Revenue: 180,000.00 EUR with this client, 148,800.00 EUR without (this client 31,200.00 EUR, 17%)');
    expect(text).toContain('Hours freed: 288');
  });

  it('says the exit path of a red card in words', async () => {
    const text = await runAssess(join(CASES, '09-lemnaria-carpati.json'));
    expect(text).toContain('red card: end the relationship, finish the current work to its checkpoints, then exit as the contract says');
  });

  it('--today overrides the file', async () => {
    const before = JSON.parse(await runAssess(join(CASES, '12-brightline-fitness.json'), '--today', '2026-11-01', '--json'));
    expect(before.today).toBe('2026-11-01');
    expect(before.recommendation).not.toBe('red_card');
  });

  it('rejects a --today that is not a calendar date', async () => {
    const error = await failure(join(CASES, '01-duonos-namai.json'), '--today', '2026-02-29');
    expect(error.code).toBe('VALIDATION_FAILED');
  });

  it('reports a missing file, bad JSON and an invalid case file', async () => {
    expect((await failure(join(CASES, 'nope.json'))).code).toBe('NOT_FOUND');
    const dir = mkdtempSync(join(tmpdir(), 'redcard-assess-'));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect((await failure(join(dir, 'bad.json'))).code).toBe('INVALID_CASE_FILE');
    writeFileSync(
      join(dir, 'invalid.json'),
      JSON.stringify({ format: 'redcard.case/1', client: { name: 'X' }, incidents: [{ date: '2026-01-01', code: 'rude' }] }),
    );
    const invalid = await failure(join(dir, 'invalid.json'));
    expect(invalid.code).toBe('INVALID_CASE_FILE');
    expect(invalid.issues.map((i) => i.path)).toContain('incidents[0].code');
  });
});
