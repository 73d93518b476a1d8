/** The clauses in English, in the register of an English-law services agreement. */

import type { NoticeUnit } from '../vocabulary.js';
import { localDate, percentNumber } from './format.js';
import { enWords } from './number-words.js';
import type { ClauseFacts, ClauseSection, ClauseWriter } from './types.js';

const UNIT: Record<NoticeUnit, [string, string]> = {
  days: ['calendar day', 'calendar days'],
  business_days: ['business day', 'business days'],
  months: ['month', 'months'],
};

/** "thirty (30) calendar days": words first, digits in brackets, as English contracts do. */
export function enPeriod(amount: number, unit: NoticeUnit): string {
  const [one, many] = UNIT[unit];

  return `${enWords(amount)} (${amount}) ${amount === 1 ? one : many}`;
}

const BANK = { ECB: 'ECB main refinancing', NBR: 'NBR reference', CBR: 'Bank of Russia key' } as const;

const pct = (bp: number) => `${percentNumber(bp, 'en')}%`;

function lawOf(f: ClauseFacts): string {
  switch (f.input.jurisdiction) {
    case 'LT':
      return 'the Republic of Lithuania';
    case 'RO':
      return 'Romania';
    case 'RU':
      return 'the Russian Federation';
    case 'EU':
      return f.input.place ?? 'the EU Member State in which the Provider is established';
    case 'other':
      return f.input.place ?? '[country]';
  }
}

function interest(f: ClauseFacts): string {
  const { input } = f;
  const start =
    'If the Client fails to pay any amount by its due date, the Provider may claim interest on the overdue amount from the day after the due date until the day of payment';
  if (input.interest.kind === 'contractual') return `${start}, at the rate of ${pct(input.interest.rate_bp)} per year.`;
  const business = input.client_kind === 'business';
  switch (input.jurisdiction) {
    case 'LT':
      return business
        ? `${start}, at the rate set by the Law of the Republic of Lithuania on the Prevention of Late Payment in Commercial Transactions: the main refinancing rate of the European Central Bank in force on the first calendar day of the half-year concerned, plus eight (8) percentage points per year.`
        : `${start}, at the rate provided for by Article 6.210 of the Civil Code of the Republic of Lithuania.`;
    case 'RO':
      return business
        ? `${start}, at the statutory penalty interest rate under Romanian Law No. 72/2013: the reference rate of the National Bank of Romania plus eight (8) percentage points per year.`
        : `${start}, at the statutory penalty interest rate under Romanian Government Ordinance No. 13/2011.`;
    case 'RU':
      return `${start}, under Article 395 of the Civil Code of the Russian Federation, at the key rate of the Bank of Russia in force in the respective periods.`;
    case 'EU':
      return business
        ? `${start}, at the statutory rate for commercial transactions under Directive 2011/7/EU as implemented in the law of ${lawOf(f)}: the reference rate plus eight (8) percentage points per year.`
        : `${start}, at the statutory rate for late payment under the law of ${lawOf(f)}.`;
    case 'other':
      return `${start}, at the statutory rate for late payment under the law of ${lawOf(f)}.`;
  }
}

function sections(f: ClauseFacts): ClauseSection[] {
  const { input } = f;
  const payment = [
    `4.1 The Client shall pay each invoice within ${enPeriod(input.payment_days, 'days')} of receiving it, to the bank account stated in the invoice.`,
  ];
  if (input.deposit_percent !== null) {
    payment.push(
      `4.2 Before work begins, the Client shall pay a deposit of ${input.deposit_percent}% of the agreed price. The deposit is credited against the final invoice; if the Agreement ends early, it is settled in accordance with clause 3.2.`,
    );
  }
  const late = [`5.1 ${interest(f)}`];
  if (f.euCompensation) {
    late.push(
      '5.2 In addition, the Provider is entitled to a fixed sum of EUR 40 (forty euros) for each invoice paid late, as compensation for its recovery costs, without prejudice to its right to claim reasonable recovery costs exceeding that sum.',
    );
  }
  late.push(
    `5.${late.length + 1} While an invoice remains overdue, the Provider may, after notifying the Client in writing, suspend work until payment is received; the time for performance is extended accordingly.`,
  );
  const law = lawOf(f);

  return [
    {
      number: '1',
      heading: 'Termination on notice',
      paragraphs: [
        `1.1 Either party may terminate the Agreement at any time, without stating reasons, by written notice to the other party. The notice period is ${enPeriod(input.notice.amount, input.notice.unit)} and runs from the day the other party receives the notice.`,
        '1.2 Until the notice period ends, the Provider shall continue to provide the services, and the Client shall continue to pay for them, as the Agreement provides.',
        '1.3 Termination does not affect amounts already due, nor the provisions on confidentiality, intellectual property, handover and late payment, which survive it.',
      ],
    },
    {
      number: '2',
      heading: 'Work in progress and handover',
      paragraphs: [
        '2.1 On termination the Provider shall, at its option, either complete the work in progress up to the next agreed milestone or hand it over to the Client in its current state.',
        '2.2 Without undue delay after the notice period ends, the Provider shall deliver to the Client all files, materials and access credentials that belong to the Client, and the Client shall pay for the work performed up to the date of termination.',
      ],
    },
    {
      number: '3',
      heading: 'Substitution or refund',
      paragraphs: [
        '3.1 If the Provider cannot, or decides not to, perform all or part of its obligations under the Agreement, it shall notify the Client in writing without delay.',
        '3.2 The Provider shall then, at its option, either propose a suitably qualified substitute to perform the remaining work on terms no less favourable to the Client, or refund the amounts prepaid for work not yet performed, in proportion to the share of the work not done.',
        '3.3 The Client is not obliged to accept a substitute; if it declines, clause 3.2 applies as a refund. Once the Client has accepted the substitute or the refund has been paid, the Provider is released from any further obligations under the Agreement for the part concerned, except those listed in clause 1.3.',
      ],
    },
    { number: '4', heading: 'Payment terms', paragraphs: payment },
    { number: '5', heading: 'Late payment', paragraphs: late },
    {
      number: '6',
      heading: 'Governing law and disputes',
      paragraphs: [
        `6.1 The Agreement is governed by the law of ${law}.`,
        `6.2 The parties shall first try to settle any dispute by negotiation; failing agreement within thirty (30) calendar days, the dispute shall be referred to the competent courts of ${law}.`,
      ],
    },
  ];
}

export const en: ClauseWriter = {
  title: 'Termination, substitution or refund, and payment terms',
  disclaimer:
    'Template, not legal advice. RedCard wrote this text from your answers and does not know your contract or your situation. Have a lawyer in your jurisdiction review it before you use it.',
  parties: (provider, client) =>
    `These clauses form part of the agreement (the "Agreement") between ${provider ?? 'the service provider'} (the "Provider") and ${client ?? 'the client'} (the "Client").`,
  sections,
  notes: (f) => {
    const notes: string[] = [];
    const r = f.statutoryRate;
    if (r) {
      notes.push(
        `For reference: on ${localDate(f.today, 'en')} the statutory rate is ${pct(r.rate_bp)} per year (${pct(r.reference_bp)} ${BANK[r.bank]} rate${r.margin_bp ? ` + ${r.margin_bp / 100} percentage points` : ''}), from RedCard's rate table, which reflects decisions published up to ${localDate(r.known_until, 'en')}. Check the current rate before you claim interest.`,
      );
    }
    if (f.euCompensation && f.input.payment_days > 60) {
      notes.push(
        'Between businesses, a payment term longer than 60 days must be expressly agreed and must not be grossly unfair to the creditor (Directive 2011/7/EU, Article 3(5)).',
      );
    }

    return notes;
  },
};
