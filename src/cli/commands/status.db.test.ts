import { describe, expect, it } from 'vitest';
import { cliInTempDataDir } from '../../../test/cli.js';
import { EXIT } from '../exit-codes.js';

const { cli } = cliInTempDataDir('redcard-status-');
const REASON = 'They apologised in writing and paid.';

describe('redcard status', () => {
  it('shows the status, the possible steps and an empty history', async () => {
    await cli('client', 'add', 'Casa Verde SRL', '--manager', 'Ana');
    const res = await cli('status', 'casa');
    expect(res.code).toBe(EXIT.ok);
    expect(res.out).toBe(
      'Casa Verde SRL: active, managed by Ana\nPossible steps: watch, yellow_card, reassign, red_card\nNo escalation steps recorded yet.\n',
    );
  });

  it('takes steps, refuses the ones the state machine forbids, and lists the history oldest first', async () => {
    expect((await cli('status', 'casa', 'watch', '--note', 'three late payments')).code).toBe(EXIT.ok);
    const reassign = await cli('status', 'casa', 'reassign', '--to', 'Bogdan');
    expect(reassign.code).toBe(EXIT.conflict);
    expect(reassign.err).toMatch(/needs a team: an agency, or at least two team members/);
    const card = await cli('status', 'casa', 'yellow_card');
    expect(card.code).toBe(EXIT.invalid);
    expect(card.err).toMatch(/redcard card yellow/);

    expect((await cli('card', 'red', 'casa', '--override', 'Fraudulent chargeback on the deposit.')).code).toBe(EXIT.ok);
    expect((await cli('status', 'casa', 'end')).code).toBe(EXIT.ok);
    expect((await cli('status', 'casa', 'close')).code).toBe(EXIT.ok);
    const closed = await cli('status', 'casa', 'back_to_active', '--reason', REASON);
    expect(closed.code).toBe(EXIT.conflict);
    expect(closed.err).toMatch(/closed for contact: nothing changes until it is reopened/);
    expect((await cli('status', 'casa', 'reopen')).code).toBe(EXIT.conflict);
    const reopened = await cli('status', 'casa', 'reopen', '--reason', REASON, '--actor', 'Ieva');
    expect(reopened.code).toBe(EXIT.ok);
    expect(reopened.out).toMatch(/closed for contact → active/);

    const history = await cli('status', 'casa');
    const lines = history.out.split('\n');
    expect(lines[0]).toBe('Casa Verde SRL: active, managed by Ana');
    expect(lines[3]).toMatch(/^#\s+DATE\s+BY\s+WHAT$/);
    const whats = lines.slice(4).filter(Boolean);
    expect(whats).toHaveLength(7);
    expect(whats[0]).toMatch(/^1\s+\d{4}-\d{2}-\d{2}\s+you\s+Put on watch \(active → watch\) \(three late payments\)$/);
    expect(whats[1]).toMatch(/Override, red card without a yellow card: Fraudulent chargeback/);
    expect(whats[6]).toMatch(/^7 .*Ieva\s+Reopened \(closed → active\): They apologised/);
  });

  it('rejects an unknown step as a usage error', async () => {
    expect((await cli('status', 'casa', 'explode')).code).toBe(EXIT.usage);
  });
});
