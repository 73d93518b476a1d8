/** The `redcard` command as a user runs it: help, text and JSON output, exit codes, evidence tampering. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from './helpers/redcard-process.js';

const dataDir = tempDataDir('redcard-cli-');
const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('redcard CLI', () => {
  it('documents every command with --help', () => {
    for (const cmd of [
      [],
      ['serve'],
      ['client'],
      ['client', 'add'],
      ['client', 'list'],
      ['client', 'show'],
      ['incident', 'add'],
      ['evidence', 'add'],
      ['evidence', 'verify'],
      ['case', 'export'],
      ['case', 'import'],
    ]) {
      const res = runCli([...cmd, '--help']);
      expect(res.status, cmd.join(' ')).toBe(0);
      expect(res.stdout).toMatch(/Usage: redcard/);
    }
    expect(runCli(['serve', '--help']).stdout).toMatch(/--data-dir/);
    expect(runCli(['client', 'add', '--help']).stdout).toMatch(/--json/);
  });

  it('adds, lists and shows clients, in text and in JSON', () => {
    const added = cli('client', 'add', 'Duonos Namai UAB', '--language', 'lt', '--since', '2024-03-01', '--json');
    expect(added.status).toBe(0);
    const client = JSON.parse(added.stdout);
    expect(client).toMatchObject({ name: 'Duonos Namai UAB', language: 'lt', since: '2024-03-01', status: 'active' });

    const list = cli('client', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/NAME\s+STATUS/);
    expect(list.stdout).toContain('Duonos Namai UAB');
    expect(JSON.parse(cli('client', 'list', '--json').stdout)).toHaveLength(1);

    const byName = cli('client', 'show', 'duonos', '--json');
    expect(JSON.parse(byName.stdout).client.id).toBe(client.id);
    expect(cli('client', 'show', client.id).stdout).toContain('Duonos Namai UAB');
  });

  it('logs an incident with evidence and verifies the chain; a tampered store exits non-zero naming the entry', () => {
    cli('client', 'add', 'Vortex Media SRL', '--language', 'ro');
    const shot = join(dataDir, 'screenshot.png');
    writeFileSync(shot, Buffer.from('fake png bytes'));
    const res = cli(
      'incident',
      'add',
      'Vortex',
      '--code',
      'abuse',
      '--severity',
      '3',
      '--date',
      '2026-11-20',
      '--note',
      'Threats on a call',
      '--evidence',
      shot,
      '--json',
    );
    expect(res.status).toBe(0);
    const incident = JSON.parse(res.stdout);
    expect(incident).toMatchObject({ code: 'abuse', severity: 3, date: '2026-11-20' });
    expect(incident.evidence).toHaveLength(1);

    const second = join(dataDir, 'chat.txt');
    writeFileSync(second, 'exported chat');
    expect(cli('evidence', 'add', incident.id, second, '--note', 'chat export').status).toBe(0);

    const clean = cli('evidence', 'verify');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/verifies: 2 entries/);

    // Someone edits the log behind RedCard's back.
    const db = new Database(join(dataDir, 'redcard.db'));
    db.prepare("UPDATE evidence SET file_name = 'innocent.png' WHERE seq = 1").run();
    db.close();
    const tampered = cli('evidence', 'verify');
    expect(tampered.status).toBe(6);
    expect(tampered.stdout).toMatch(/\[altered_entry\] entry 1/);
    const report = JSON.parse(cli('evidence', 'verify', '--json').stdout);
    expect(report).toMatchObject({ ok: false, entries: 2 });
    expect(report.problems.map((p: { kind: string; seq: number }) => [p.kind, p.seq])).toEqual([['altered_entry', 1]]);

    // Deleting the last entry leaves a valid-looking chain; the recorded head still shows it.
    const db2 = new Database(join(dataDir, 'redcard.db'));
    db2.prepare('DELETE FROM evidence WHERE seq = 2').run();
    db2.close();
    const cut = JSON.parse(cli('evidence', 'verify', '--json').stdout);
    expect(cut.problems.map((p: { kind: string; seq: number }) => [p.kind, p.seq])).toEqual([
      ['altered_entry', 1],
      ['missing_entry', 2],
    ]);
  });

  it('exports a case file and imports it; invalid and duplicate imports write nothing', () => {
    const out = join(dataDir, 'duonos.case.json');
    expect(cli('case', 'export', 'Duonos', '--out', out).status).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.format).toBe('redcard.case/1');
    expect(cli('case', 'export', 'Duonos').stdout).toContain('"redcard.case/1"');

    const dup = cli('case', 'import', out);
    expect(dup.status).toBe(5);
    expect(dup.stderr).toMatch(/already exists/);
    expect(cli('case', 'import', out, '--as', 'Duonos Copy').status).toBe(0);

    const bad = join(dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...file, client: { ...file.client, name: 'Fresh', vat: 'LT1' }, incidents: [{ date: '2026-02-30', code: 'rude' }] }),
    );
    const invalid = cli('case', 'import', bad);
    expect(invalid.status).toBe(3);
    expect(invalid.stderr).toContain('client.vat: unknown field');
    expect(invalid.stderr).toContain('incidents[0].date: must be a calendar date');
    writeFileSync(bad, '{ not json');
    expect(cli('case', 'import', bad).stderr).toMatch(/not valid JSON/);
    expect(
      JSON.parse(cli('client', 'list', '--json').stdout)
        .map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['Duonos Copy', 'Duonos Namai UAB', 'Vortex Media SRL']);
  });

  it('fails with one clear line and a distinct exit code on bad input', () => {
    const missing = cli('client', 'show', 'nobody');
    expect(missing.status).toBe(4);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli('client', 'add').status).toBe(2);
    expect(cli('incident', 'add', 'Vortex', '--code', 'rude').status).toBe(2);
    expect(cli('client', 'add', 'Bad Date', '--since', '2026-13-01').stderr).toContain('since: must be a calendar date');
    expect(cli('evidence', 'add', '00000000-0000-4000-8000-000000000000', join(dataDir, 'chat.txt')).status).toBe(4);
    expect(cli('evidence', 'add', 'x', join(dataDir, 'no-such-file.png')).status).toBe(4);
    expect(runCli(['serve', '--port', 'abc', '--data-dir', dataDir]).stderr).toMatch(/Invalid port/);
  });

  it('reads the data directory from REDCARD_DATA_DIR', () => {
    const res = runCli(['client', 'list', '--json'], { env: { REDCARD_DATA_DIR: dataDir } });
    expect(JSON.parse(res.stdout).length).toBe(3);
  });
});
