import { describe, expect, it } from 'vitest';
import { cliInTempDataDir } from '../../../test/cli.js';
import { EXIT } from '../exit-codes.js';

const { cli } = cliInTempDataDir('redcard-after-exit-');

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('redcard review-date and year-review', () => {
  it('refuses a review date before the end, sets one after it, and lists the exit in the yearly review', async () => {
    await cli('client', 'add', 'Casa Verde SRL');
    const early = await cli('review-date', 'casa', daysAgo(-300));
    expect(early.code).toBe(EXIT.conflict);
    expect(early.err).toMatch(/relationship that is over/);

    expect((await cli('card', 'red', 'casa', '--override', 'Fraudulent chargeback on the deposit.', '--date', daysAgo(3))).code).toBe(
      EXIT.ok,
    );
    expect((await cli('status', 'casa', 'end', '--date', daysAgo(2))).code).toBe(EXIT.ok);
    const past = await cli('review-date', 'casa', daysAgo(1));
    expect(past.code).toBe(EXIT.invalid);
    expect(past.err).toMatch(/must be after today/);

    const set = await cli('review-date', 'casa', daysAgo(-300), '--note', 'See if they paid');
    expect(set.code).toBe(EXIT.ok);
    expect(set.out).toBe(`Casa Verde SRL: review on ${daysAgo(-300)}. The relationship stays closed until then.\n`);
    const shown = await cli('review-date', 'casa');
    expect(shown.out).toContain(`Review on ${daysAgo(-300)}: See if they paid`);
    expect(shown.out).toContain('Contacts after the end: 0');

    const year = daysAgo(2).slice(0, 4);
    const review = await cli('year-review', year, '--json');
    expect(review.code).toBe(EXIT.ok);
    const parsed = JSON.parse(review.out) as { year: number; exits: Array<{ name: string; ended_on: string }> };
    expect(parsed.year).toBe(Number(year));
    expect(parsed.exits).toEqual([expect.objectContaining({ name: 'Casa Verde SRL', ended_on: daysAgo(2) })]);
    const text = await cli('year-review', year);
    expect(text.out).toMatch(/^The year \d{4} in review/);
    expect(text.out).toContain('What changed in screening: no screening data yet.');

    expect((await cli('year-review', '1990')).code).toBe(EXIT.invalid);
    expect((await cli('review-date', 'casa', '--clear')).out).toBe('Casa Verde SRL: review date cleared.\n');
  });
});
