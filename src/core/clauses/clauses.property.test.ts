/** Properties over every input the schema accepts: the notice and the numbers given always appear. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_KINDS, LANGUAGES, NOTICE_UNITS } from '../vocabulary.js';
import { percentNumber } from './format.js';
import { clauseText, generateClauses } from './generate.js';
import { CLAUSE_JURISDICTIONS, type ClauseInput, NOTICE_MAX } from './types.js';

const arbInput: fc.Arbitrary<ClauseInput> = fc
  .record({
    lang: fc.constantFrom(...LANGUAGES),
    unit: fc.constantFrom(...NOTICE_UNITS),
    amountSeed: fc.integer({ min: 1, max: 365 }),
    jurisdiction: fc.constantFrom(...CLAUSE_JURISDICTIONS),
    place: fc.option(fc.constantFrom('Latvija', 'Norway', 'Moldova'), { nil: null }),
    provider_name: fc.option(fc.constantFrom('Northlight Studio', 'ИП Петров', 'Ștefan & Co'), { nil: null }),
    client_name: fc.option(fc.constantFrom('UAB „Medaus kelias“', 'Casa Verde SRL', 'ООО «Окна»'), { nil: null }),
    client_kind: fc.constantFrom(...CLIENT_KINDS),
    payment_days: fc.integer({ min: 1, max: 120 }),
    deposit_percent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    rate: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
  })
  .map((r) => ({
    lang: r.lang,
    notice: { amount: ((r.amountSeed - 1) % NOTICE_MAX[r.unit]) + 1, unit: r.unit },
    jurisdiction: r.jurisdiction,
    place: r.place,
    provider_name: r.provider_name,
    client_name: r.client_name,
    client_kind: r.client_kind,
    payment_days: r.payment_days,
    deposit_percent: r.deposit_percent,
    interest: r.rate === null ? { kind: 'statutory' as const } : { kind: 'contractual' as const, rate_bp: r.rate },
  }));

describe('every clause, whatever the answers', () => {
  it('carries the disclaimer first and the numbers and names given', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom('2024-02-29', '2025-09-01', '2027-01-15'), (input, today) => {
        const doc = generateClauses(input, { today });
        const text = clauseText(doc);
        // The notice is the first thing after the title.
        expect(text.split('\n\n')[1]).toBe(`[${doc.disclaimer}]`);
        expect(doc.disclaimer.length).toBeGreaterThan(40);
        expect(doc.sections[0]?.paragraphs[0]).toContain(`${input.notice.amount}`);
        expect(doc.sections[3]?.paragraphs[0]).toContain(`${input.payment_days}`);
        if (input.deposit_percent !== null) expect(doc.sections[3]?.paragraphs[1]).toContain(`${input.deposit_percent}`);
        if (input.interest.kind === 'contractual')
          expect(doc.sections[4]?.paragraphs[0]).toContain(percentNumber(input.interest.rate_bp, input.lang));
        if (input.provider_name) expect(doc.parties).toContain(input.provider_name);
        if (input.client_name) expect(doc.parties).toContain(input.client_name);
        if (input.place && (input.jurisdiction === 'EU' || input.jurisdiction === 'other'))
          expect(doc.sections[5]?.paragraphs[0]).toContain(input.place);
        // Clauses are numbered 1..6 and their sub-clauses n.1, n.2, ... in order.
        for (const [i, s] of doc.sections.entries()) {
          expect(s.number).toBe(String(i + 1));
          for (const [k, p] of s.paragraphs.entries()) expect(p.startsWith(`${i + 1}.${k + 1} `)).toBe(true);
        }
        // No placeholder from a template leaks (undefined, NaN, ${...}).
        expect(text).not.toMatch(/undefined|NaN|\$\{|null/);
      }),
      { numRuns: 400 },
    );
  });
});
