/**
 * The collection schedule on the `stop_and_collect` path (D2): a reminder, a formal demand with a
 * deadline, then the jurisdiction's next legal step. It says what each procedure is; it is not legal
 * advice, and the plan says so.
 *
 * Dates: the reminder goes with the written confirmation (today); the formal demand a week later;
 * its deadline is 14 days by default, 15 in RO (the summons that must precede a payment order gives
 * 15 days) and 30 in RU (the pre-trial claim period between businesses); the legal step is due the
 * day after the deadline.
 */
import { addDays } from '../dates.js';
import { EU_MEMBERS } from '../money/rates.js';
import type { ClientKind } from '../vocabulary.js';
import { type ExitText, type ExitTextKey, english, exitText } from './texts.js';

export interface CollectionStep {
  id: 'reminder' | 'formal_demand' | 'legal_step';
  title: string;
  /** The title's key and parameters, for the UI's languages; absent in plans saved before it existed. */
  title_i18n?: ExitText;
  due: string;
  /** For the formal demand: the date by which the client must pay. */
  deadline: string | null;
  /** What the step or procedure is, in plain words. */
  about: string;
  rule: 'D2';
}

export const NOT_LEGAL_ADVICE = 'This describes the usual procedure; it is not legal advice. Check with a lawyer before going to court.';

const EU_CROSS_BORDER =
  'If the client is in another EU member state: the European Payment Order (Regulation (EC) No 1896/2006) for uncontested cross-border money claims, or the European Small Claims Procedure (Regulation (EC) No 861/2007) for claims up to EUR 5,000.';

function legalStep(jurisdiction: string | null, clientKind: ClientKind): { titleKey: ExitTextKey; about: string } {
  const j = jurisdiction?.toUpperCase() ?? null;
  if (j === 'LT') {
    return {
      titleKey: 'collection.legal-lt',
      about: `Lithuania's court order procedure (Code of Civil Procedure, chapter XXIII): a written, simplified procedure at the district court for money claims; the court issues an order without a hearing, and if the debtor objects in time the claim continues as an ordinary case. ${EU_CROSS_BORDER}`,
    };
  }
  if (j === 'RO') {
    return {
      titleKey: 'collection.legal-ro',
      about: `Romania's payment order procedure (Codul de procedură civilă, art. 1014–1025): for a certain, liquid and due sum under a contract, after a summons (somație) served through a bailiff or by registered letter with acknowledgement giving 15 days to pay; the court decides quickly on the documents. ${EU_CROSS_BORDER}`,
    };
  }
  if (j === 'RU') {
    return clientKind === 'business'
      ? {
          titleKey: 'collection.legal-ru-business',
          about:
            'Between businesses a pre-trial claim (досудебная претензия) must come first: the court accepts the case 30 calendar days after it was sent unless the contract sets another period (АПК РФ, ст. 4 ч. 5). Then the arbitrazh court: a court order (судебный приказ) for undisputed claims within the limit of АПК РФ ст. 229.2, otherwise a statement of claim (исковое заявление).',
        }
      : {
          titleKey: 'collection.legal-ru-individual',
          about:
            'Against an individual: a court order from a justice of the peace (мировой судья) for undisputed money claims within the limit of ГПК РФ ст. 121–122, otherwise a claim in the court of general jurisdiction.',
        };
  }
  if (j && EU_MEMBERS.has(j)) {
    return {
      titleKey: 'collection.legal-eu',
      about: `Your country's own payment-order or small-claims procedure for the unpaid sum. ${EU_CROSS_BORDER}`,
    };
  }

  return {
    titleKey: 'collection.legal-other',
    about:
      "The court procedure for unpaid debts in the country the contract or the client's seat points to, or a debt collection agency; RedCard has no procedure recorded for your jurisdiction.",
  };
}

export function collectionSchedule(input: {
  jurisdiction: string | null | undefined;
  client_kind: ClientKind;
  today: string;
  owed_minor: number;
  currency: string;
}): CollectionStep[] {
  const j = input.jurisdiction?.toUpperCase() ?? null;
  const demandOn = addDays(input.today, 7);
  const days = j === 'RU' ? 30 : j === 'RO' ? 15 : 14;
  const deadline = addDays(demandOn, days);
  const legal = legalStep(j, input.client_kind);
  const titled = (text: ExitText) => ({ title: english(text), title_i18n: text });

  return [
    {
      id: 'reminder',
      ...titled(exitText('collection.reminder', { amount: { amount_minor: input.owed_minor, currency: input.currency } })),
      due: input.today,
      deadline: null,
      about:
        'A short, factual reminder with each unpaid invoice, its due date and amount, and how to pay. It can go with the written confirmation of the exit.',
      rule: 'D2',
    },
    {
      id: 'formal_demand',
      ...titled(exitText('collection.formal-demand', { date: { date: deadline } })),
      due: demandOn,
      deadline,
      about:
        j === 'RU'
          ? 'A pre-trial claim (досудебная претензия) in writing, with proof of sending: the debt, the interest under article 395, the deadline, and that you will go to court after it.'
          : j === 'RO'
            ? 'A summons (somație) through a bailiff or by registered letter with acknowledgement: the debt, the statutory interest and compensation, and 15 days to pay, as the payment order procedure requires.'
            : 'A formal letter of demand with proof of delivery: the debt, the statutory interest and compensation, the deadline, and the next step if it passes.',
      rule: 'D2',
    },
    {
      id: 'legal_step',
      ...titled(exitText(legal.titleKey)),
      due: addDays(deadline, 1),
      deadline: null,
      about: `${legal.about} ${NOT_LEGAL_ADVICE}`,
      rule: 'D2',
    },
  ];
}
