/**
 * English phrase bank. Plain, courteous British-leaning business English: first person, short
 * sentences, facts with dates, no blame (X5), no "break" or "pause" (X6), no hedging.
 */
import type { RedFlagCode } from '../../vocabulary.js';
import { citedInvoices, keyDate } from '../drafts-reasons.js';
import type { LetterFacts, PhraseBank, RecordedFact, SectionText } from '../drafts-types.js';
import { enCount, formatAmount, formatDate } from '../grammar.js';

const d = (date: string) => formatDate(date, 'en');
const m = (f: LetterFacts, minor: number) => formatAmount(minor, f.money.currency, 'en');

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');

  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function greeting(f: LetterFacts): string {
  return f.client.kind === 'business' && f.recipient === f.client.name ? `Dear ${f.recipient} team,` : `Dear ${f.recipient},`;
}

function on(f: LetterFacts): string {
  return f.engagement ? ` on ${f.engagement.name}` : '';
}

const latest = (facts: readonly RecordedFact[]) => d(keyDate(facts));

function reason(f: LetterFacts): string {
  const facts = f.reason.facts;
  switch (f.reason.key) {
    case 'payment': {
      const invoices = citedInvoices(facts);
      if (invoices.length === 0)
        return `Payments have not followed the agreed terms (most recently on ${latest(facts)}), and I cannot plan my work on that basis.`;
      const cited = invoices.map((i) =>
        i.owed_minor > 0
          ? `invoice No. ${i.number} has been open for ${enCount(i.days_late, 'day', 'days')} past its due date`
          : `invoice No. ${i.number} was paid ${enCount(i.days_late, 'day', 'days')} late`,
      );

      return `Payments have not kept to the agreed terms: ${list(cited)}. As a small business I cannot plan my work on that basis.`;
    }
    case 'scope':
      return `Since ${latest(facts)} the work requested has grown beyond what we agreed, and I cannot deliver it at the agreed price and with the quality I stand for.`;
    case 'capacity':
      return `The pace and hours this work now needs (most recently on ${latest(facts)}) are beyond my capacity, so I cannot keep the quality you should expect.`;
    case 'misfit':
      return 'My business has changed direction, and the work you need is no longer what I focus on.';
    case 'expertise':
      return `Since ${latest(facts)} the work has often gone ahead without my professional advice, so I can no longer answer for the results.`;
    case 'terms':
      return `Since ${latest(facts)} the agreed working arrangements (inputs, approvals and timing) have not held, and I cannot plan the project reliably.`;
    case 'conduct':
      return `After the exchange of ${latest(facts)} I am not able to continue our cooperation in the way my team and I need to work.`;
    case 'lawful':
      return `What happened on ${latest(facts)} is outside the legal and professional framework I work within, so I cannot continue.`;
  }
}

function noticeWords(f: LetterFacts): string {
  const n = f.notice;
  if (!n) return '';
  const span =
    n.unit === 'months'
      ? enCount(n.amount, 'month', 'months')
      : n.unit === 'business_days'
        ? enCount(n.amount, 'working day', 'working days')
        : enCount(n.amount, 'day', 'days');

  // "1 month's notice", "14 days' notice": the possessive follows the noun's number.
  const possessive = n.amount === 1 ? `${span}'s` : `${span}'`;

  return n.from_contract ? `, in line with the ${possessive} notice in our contract` : `, which gives you ${possessive} notice`;
}

function openWork(f: LetterFacts): string {
  const more = f.open_more > 0 ? ` (and ${enCount(f.open_more, 'more item', 'more items')} on the list)` : '';

  return `${list(f.open_work.map((w) => (w.due ? `${w.name} (by ${d(w.due)})` : w.name)))}${more}`;
}

function timeline(f: LetterFacts): string {
  switch (f.path) {
    case 'immediate':
      return `This takes effect today, ${d(f.today)}: I will do no further work${on(f)}.`;
    case 'stop_and_collect':
      return `I am stopping work today, ${d(f.today)}; no new tasks will be started${f.open_work.length > 0 ? `, and the work on ${openWork(f)} stops here` : ''}.`;
    case 'finish_then_exit':
      if (f.engagement?.kind === 'long_term' || f.open_work.length === 0) {
        const until =
          f.open_work.length > 0 ? ` Until then I will complete ${openWork(f)}.` : ' Until then I will continue the work as agreed.';

        return `My last working day${on(f)} will be ${d(f.end_on)}${noticeWords(f)}.${until}`;
      }

      return `I will deliver ${openWork(f)} as agreed and will not take on new orders after that; my last working day will be ${d(f.end_on)}.`;
  }
}

function handover(f: LetterFacts): string {
  const base = `By ${d(f.handover_by)} I will send you every file and material that belongs to you and hand over the access I hold (hosting, domains, ad accounts, repositories, analytics) to you or to whoever you name.`;
  const unpaid =
    f.path !== 'finish_then_exit' && f.money.owed_minor > 0
      ? ' Work not yet paid for will be handed over once the open invoices are settled.'
      : '';
  const tools =
    f.referral === 'resources_only' ? ' I will add a short note on the tools in use, so the work can continue without a gap.' : '';

  return `${base}${unpaid}${tools}`;
}

function money(f: LetterFacts): string | null {
  const parts: string[] = [];
  if (f.path === 'finish_then_exit') {
    if (f.money.final_invoice_minor > 0)
      parts.push(`The final invoice, for work up to ${d(f.end_on)}, will be ${m(f, f.money.final_invoice_minor)}.`);
  } else if (f.money.owed_minor > 0) {
    const n = f.money.unpaid.length;
    parts.push(
      `${enCount(n, 'invoice', 'invoices')} totalling ${m(f, f.money.owed_minor)} remain${n === 1 ? 's' : ''} open; I will send the details separately.`,
    );
  }
  if (f.money.refund_minor > 0) parts.push(`I will refund ${m(f, f.money.refund_minor)} for the prepaid work not done.`);

  return parts.length > 0 ? parts.join(' ') : null;
}

function thanks(f: LetterFacts): string {
  const since = f.client.since ? ` since ${f.client.since.slice(0, 4)}` : '';

  return `Thank you for the work together${since}. I wish you${f.client.kind === 'business' ? ' and your team' : ''} every success.`;
}

const CROSSINGS: Readonly<Record<RedFlagCode, string>> = {
  abuse: 'the conversation included insulting language',
  payment: 'a payment was not made as agreed',
  price_pressure: 'the agreed price was reopened once again',
  urgency_pressure: 'a deadline was shortened without agreement',
  availability_demands: 'work was requested well outside the agreed working hours',
  scope_creep: 'work outside the agreed scope was requested without a change to the agreement',
  disregard_expertise: 'the professional advice given for the project was set aside, leaving me unable to answer for the result',
  unlawful: 'a request was made that falls outside the law',
  contract_breach: 'the agreed terms (inputs, meetings or approvals) were not kept',
  reputation_threat: 'negative public reviews were mentioned as a way to obtain concessions',
  negativity: 'the discussion was conducted in a way that left no room for constructive work',
  unprofitable: 'the work requested went far beyond what the agreed fee covers',
  misfit: 'the work requested fell outside the services I now offer',
  wellbeing: 'the way of working put a strain on my team that I cannot accept',
  staff_report: 'a member of my team reported that professional boundaries were crossed',
};

const signOff = (f: LetterFacts): SectionText[] => [
  { key: 'closing', text: 'Kind regards,' },
  { key: 'signature', text: f.sender, tight: true },
];

function head(f: LetterFacts): SectionText[] {
  return [...(f.channel === 'letter' ? [{ key: 'date_line' as const, text: d(f.tell_on) }] : []), { key: 'greeting', text: greeting(f) }];
}

/** The English bank. */
export const en: PhraseBank = {
  subject(f) {
    switch (f.kind) {
      case 'warning':
        return `Our cooperation: what happened on ${f.crossing ? d(f.crossing.date) : d(f.today)}`;
      case 'termination':
        return `End of our cooperation${on(f)}`;
      case 'call_script':
        return `Call script: ending the cooperation with ${f.client.name}`;
      case 'debt_demand':
        return `Payment request: ${list(f.money.unpaid.map((i) => `invoice ${i.number}`))}`;
      case 're_engagement_reply':
        return 'Re: our cooperation';
    }
  },

  warning(f) {
    const c = f.crossing;
    const who = c?.about_member ? ` with ${c.about_member}` : '';
    const what = c ? CROSSINGS[c.code].replace('the conversation', `the conversation${who}`) : '';

    return [
      ...head(f),
      { key: 'crossing', text: `I am writing because of what happened on ${c ? d(c.date) : d(f.today)}: ${what}.` },
      {
        key: 'expectation',
        text: 'I value our cooperation and want it to continue on a professional footing, so this must not happen again.',
      },
      {
        key: 'consequence',
        text:
          f.if_repeated === 'end_at_once'
            ? 'If it happens again, I will end our cooperation at once.'
            : 'If it happens again, I will end our cooperation, with the notice our agreement provides.',
      },
      { key: 'thanks', text: 'Thank you for taking this on board.' },
      ...signOff(f),
    ];
  },

  termination(f) {
    const sections: SectionText[] = [
      ...head(f),
      { key: 'decision', text: `As we discussed, I am confirming in writing my decision to end our cooperation${on(f)}.` },
      { key: 'reason', text: reason(f) },
      { key: 'timeline', text: timeline(f) },
      { key: 'handover', text: handover(f) },
    ];
    const owed = money(f);
    if (owed) sections.push({ key: 'money', text: owed });
    if (f.referral === 'colleague')
      sections.push({ key: 'referral', text: 'If it helps, I can recommend a colleague whose work I know and brief them on the project.' });
    sections.push({ key: 'thanks', text: thanks(f) }, ...signOff(f));

    return sections;
  },

  call_script(f) {
    return [
      { key: 'opening', text: 'Opening: "Thank you for making time. I want to tell you a decision myself before I put it in writing."' },
      { key: 'decision', text: `The decision: "I have decided to end our cooperation${on(f)}."` },
      { key: 'reason', text: `The reason: "${reason(f)}"` },
      { key: 'timeline', text: `What happens next: "${timeline(f)} You will have every file and access by ${d(f.handover_by)}."` },
      {
        key: 'reaction_anger',
        text: 'If voices rise: "I understand this is unwelcome. The decision is made; I wanted you to hear it from me first."',
      },
      {
        key: 'reaction_bargaining',
        text: 'If better terms are offered: "Thank you, but my decision stands. Let us focus on a smooth handover."',
      },
      {
        key: 'reaction_guilt',
        text: 'If you hear you are letting them down: "I value our work together, which is why I am ending it properly, with clear dates and a full handover."',
      },
      {
        key: 'reaction_reviews',
        text: 'If reviews come up: "You are free to share your experience. I will keep to everything we agreed." Keep a record of the call.',
      },
      { key: 'closing', text: 'Closing: "I will confirm this in writing today. Thank you for the work together."' },
    ];
  },

  debt_demand(f) {
    const lines = f.money.unpaid.map(
      (i) =>
        `- Invoice No. ${i.number} of ${d(i.issued)}, due ${d(i.due)}: ${m(f, i.owed_minor)} outstanding${i.days_overdue > 0 ? ` (${enCount(i.days_overdue, 'day', 'days')} overdue)` : ''}`,
    );
    const total = f.money.owed_minor + f.money.interest_minor + f.money.compensation_minor;
    const sections: SectionText[] = [
      ...head(f),
      {
        key: 'opening',
        text: `Under our agreement${on(f)}, the following ${f.money.unpaid.length === 1 ? 'invoice remains' : 'invoices remain'} unpaid:`,
      },
      { key: 'invoices', text: `${lines.join('\n')}\nTotal outstanding: ${m(f, f.money.owed_minor)}.` },
    ];
    if (f.money.interest_minor > 0 || f.money.compensation_minor > 0) {
      const comp =
        f.money.compensation_minor > 0
          ? `, and the fixed compensation of €40 per late invoice, ${m(f, f.money.compensation_minor)} in all`
          : '';
      sections.push({
        key: 'interest',
        text: `Under ${LAWS[f.money.interest_regime ?? 'EU']}, statutory late-payment interest of ${m(f, f.money.interest_minor)} has accrued up to ${d(f.today)}${comp}. Amount due: ${m(f, total)}.`,
      });
    }
    const deadline = f.demand ? d(f.demand.deadline) : d(f.today);
    sections.push(
      {
        key: 'deadline',
        text: `Please pay ${m(f, total)} by ${deadline} to the account shown on the invoices. If you have paid in the meantime, please send me the payment details and disregard this letter.`,
      },
      {
        key: 'next_step',
        text: `If the amount is not received by ${deadline}, I will apply to the court for a payment order without further notice.`,
      },
      { key: 'thanks', text: 'Thank you for settling this promptly.' },
      ...signOff(f),
    );

    return sections;
  },

  re_engagement_reply(f) {
    return [
      { key: 'greeting', text: greeting(f) },
      { key: 'thanks', text: 'Thank you for your message and for thinking of me.' },
      {
        key: 'decision',
        text: `Our cooperation ${f.end_on <= f.today ? 'ended' : 'ends'} on ${d(f.end_on)}, and that decision stands: I will not be taking the work up again.`,
      },
      { key: 'closing', text: `I wish you${f.client.kind === 'business' ? ' and your team' : ''} every success.\n\nKind regards,` },
      { key: 'signature', text: f.sender, tight: true },
    ];
  },
};

const LAWS: Readonly<Record<'LT' | 'RO' | 'RU' | 'EU', string>> = {
  LT: "Lithuania's Law on the Prevention of Late Payment in Commercial Transactions",
  RO: 'Romanian Law No. 72/2013',
  RU: 'Article 395 of the Civil Code of the Russian Federation',
  EU: 'Directive 2011/7/EU as transposed into national law',
};
