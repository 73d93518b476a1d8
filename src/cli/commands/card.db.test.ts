import { describe, expect, it } from 'vitest';
import { cliInTempDataDir } from '../../../test/cli.js';
import { EXIT } from '../exit-codes.js';

const { cli } = cliInTempDataDir('redcard-card-');

describe('redcard card', () => {
  it('gives a yellow card, recording what was said and how, in text and in JSON', async () => {
    expect((await cli('client', 'add', 'Vortex Media SRL')).code).toBe(EXIT.ok);
    const text = await cli(
      'card',
      'yellow',
      'vortex',
      '--channel',
      'call',
      '--said',
      'If it happens again we stop.',
      '--note',
      'after the call',
    );
    expect(text.code).toBe(EXIT.ok);
    expect(text.out).toMatch(/^Vortex Media SRL: active → warned \(yellow card\) on \d{4}-\d{2}-\d{2}\.\n$/);

    const json = await cli('status', 'vortex', '--json');
    const shown = JSON.parse(json.out);
    expect(shown.status).toBe('warned');
    expect(shown.events.map((e: { type: string }) => e.type)).toEqual(['status_changed', 'card_issued']);
    expect(shown.events[1]).toMatchObject({
      actor: 'you',
      note: 'after the call',
      payload: { channel: 'call', said: 'If it happens again we stop.' },
    });
  });

  it('refuses a second yellow card with the conflict exit code and a reason', async () => {
    const res = await cli('card', 'yellow', 'vortex', '--channel', 'email', '--said', 'Again.');
    expect(res.code).toBe(EXIT.conflict);
    expect(res.err).toMatch(
      /warned \(yellow card\); "yellow_card" is not possible from there\. Allowed from here: reassign, red_card, back_to_active/,
    );
  });

  it('needs --channel and --said for a yellow card (usage error)', async () => {
    expect((await cli('card', 'yellow', 'vortex', '--said', 'x')).code).toBe(EXIT.usage);
    expect((await cli('card', 'yellow', 'vortex', '--channel', 'fax', '--said', 'x')).code).toBe(EXIT.usage);
  });

  it('refuses a red card without a yellow card unless overridden with a reason, then records the override', async () => {
    await cli('client', 'add', 'Oliver Grant');
    const refused = await cli('card', 'red', 'oliver');
    expect(refused.code).toBe(EXIT.conflict);
    expect(refused.err).toMatch(/Give a yellow card first, or override and write why/);
    const tooShort = await cli('card', 'red', 'oliver', '--override', 'because');
    expect(tooShort.code).toBe(EXIT.invalid);
    expect(tooShort.err).toMatch(/override_reason: must be at least 15 characters/);

    const res = await cli('card', 'red', 'oliver', '--override', 'Second unpaid invoice and a threat to sue.', '--json');
    expect(res.code).toBe(EXIT.ok);
    const result = JSON.parse(res.out);
    expect(result.client.status).toBe('exiting');
    expect(result.card).toMatchObject({ color: 'red' });
    expect(result.events.map((e: { type: string }) => e.type)).toEqual(['override', 'card_issued', 'status_changed']);
  });

  it('gives a red card after the yellow card without an override', async () => {
    const res = await cli('card', 'red', 'vortex', '--channel', 'meeting', '--said', 'We end our work together.');
    expect(res.code).toBe(EXIT.ok);
    expect(res.out).toMatch(/warned \(yellow card\) → exiting \(red card\)/);
  });

  it('reports an unknown client as not found', async () => {
    expect((await cli('card', 'red', 'nobody')).code).toBe(EXIT.notFound);
  });
});
