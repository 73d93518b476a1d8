/**
 * The exit plan's words for people, each under a stable key with its parameters, so the web UI
 * can say them in the user's language while the CLI, the PDF and case files keep the English.
 *
 * EXIT_TEXTS holds the one English wording of every text the plan can produce, written with
 * i18next placeholders (`{{name}}`); the English `title`, `warnings` and so on are rendered from
 * it, and the web UI uses it as its English resource. Parameters stay typed (a date, an amount, a
 * notice, names), so each language formats them its own way.
 */
import { keysOf, renderEnglish, type TextParam, templateIn, templateParts } from '../text.js';

export const EXIT_TEXTS = {
  step: {
    'lawyer-check': 'Have a lawyer review the contract and the exit before the client hears of it (see the reasons)',
    'contract-find-out': 'Find out whether and how you may end the contract; tell the client nothing until then. {{details}}',
    evidence:
      'Put the evidence together: save the correspondence, call notes, invoices and incidents, and record calls where that is lawful',
    'stop-work': 'Stop work; do not finish the project',
    'stop-work-on': 'Stop work on {{deliverables}}; do not finish the project',
    finish: 'Finish "{{deliverable}}" ({{engagement}})',
    'last-day': 'Last working day: keep serving as the contract says until then',
    conversation: 'Tell the client by call or meeting: what you are doing, why, and the dates; facts, short, no blame; thank them',
    'written-confirmation':
      'Confirm the conversation in writing the same day: the decision, the last working day, the handover and the money',
    'referral-colleague': 'Recommend a colleague you have checked first',
    'referral-resources': 'Offer resources only (directories, templates, guides), not a colleague',
    'handover-files': 'Send every file and material that belongs to the client',
    'access-inventory':
      'Inventory access to transfer or revoke (hosting, domains, ad accounts, repositories, analytics): record which exists and its state, never a password',
    briefing: 'Brief the replacement on the work done, and offer to help interview one',
    'interim-tools': 'Suggest tools the client can use meanwhile',
    'final-invoice': 'Send the final invoice for work done and not billed: {{amount}}',
    'final-invoice-none': 'Check that all work done is billed (no final invoice computed)',
    refund: 'Refund the prepaid work not done: {{amount}}',
    'close-contact': 'Close contact once the handover is done; you owe nothing more',
    'close-contact-collect': 'Close contact once the handover is done; only the collection of what is owed continues',
    reflection: 'Reflect: what would have screened this client out, and what should the next contract say',
    'evidence-reassign': 'Put the evidence together: save the correspondence, call notes and incidents',
    'choose-manager': 'Choose another manager to manage the client',
    'choose-manager-not': 'Choose someone other than {{member}} to manage the client',
    'brief-new-manager': 'Brief the new manager on the client, the work and the incidents',
    'conversation-reassign': 'Tell the client by call or meeting who their new contact is and from when; facts, no blame',
    'written-confirmation-reassign': 'Confirm the change of contact in writing the same day',
    review: 'Review: if the problems continue with the new manager, end the relationship (plan the exit again)',
  },
  findOut: {
    'no-contract':
      'There is no written contract: check emails and order confirmations for anything agreed about ending, notice or penalties.',
    'right-unknown':
      'Whether the contract lets you end it on your own initiative, by what procedure (written notice? to whom?) and with what notice.',
    grounds:
      "On what grounds the contract can still end early: the client's own breaches, mutual agreement, or a termination clause for cause.",
    'run-to-end': 'Whether letting the contract run to its end on {{date}} without renewing it is the safer way out.',
    notice: 'Whether any notice period applies: none is recorded.',
    penalty: 'What triggers the penalty ({{penalty}}) and how to end without it.',
  },
  warning: {
    'no-due': '"{{deliverable}}" ({{engagement}}) is open and has no due date: agree one; it is not counted in the dates.',
    'past-due': '"{{deliverable}}" ({{engagement}}) was due on {{date}} and is still open.',
    'due-before-signed': '"{{deliverable}}" is due on {{date}}, before the contract was signed on {{signed}}: check the dates.',
    'stops-without-notice':
      "Work stops today, without the contract's notice of {{notice}}: make sure the client's conduct justifies it (ask the lawyer).",
    'tell-before-due':
      'You chose to tell the client on {{tell}}, before open work is due (last on {{lastDue}}): work still ends on {{end}}, once it is delivered.',
    'end-after-contract':
      'Work would end on {{end}}, after the contract itself ends on {{contractEnds}}: the notice runs past the contract; check which date applies.',
    'unknown-currency':
      '"{{currency}}" is not an ISO 4217 currency RedCard knows: check the workspace\'s currency before sending any amount.',
    'collection-blocked':
      'The collection schedule assumes the reminder goes out today; wait for the contract check before any letter that ends the work.',
  },
  referral: {
    overdue: '{{amount}} is overdue.',
    abusive: 'The client was abusive (an abuse incident is recorded).',
    paid: 'The client paid and was not abusive.',
  },
  collection: {
    reminder: 'Send a payment reminder for {{amount}}, invoice by invoice',
    'formal-demand': 'Send a formal demand to pay by {{date}}',
    'legal-lt': 'Apply for a court order (teismo įsakymas)',
    'legal-ro': 'Apply for a payment order (ordonanța de plată)',
    'legal-ru-business': 'Go to the arbitrazh court (арбитражный суд)',
    'legal-ru-individual': 'Apply for a court order (судебный приказ)',
    'legal-eu': 'Start the payment order or small-claims procedure',
    'legal-other': 'Take the next legal step for the debt',
  },
} as const;

type Texts = typeof EXIT_TEXTS;
/** "step.evidence", "warning.no-due", ...: every key the plan can produce. */
export type ExitTextKey = { [G in keyof Texts]: `${G & string}.${keyof Texts[G] & string}` }[keyof Texts];

/** The parameters the plan's texts use: the shared kinds (core/text.ts) but numbers and shares. */
export type ExitTextParam = Exclude<TextParam, { number: number } | { percent: number }>;

/** A text of the plan: its key and parameters. */
export interface ExitText {
  /** An ExitTextKey; typed as a string so a plan saved with a key since retired still reads. */
  key: string;
  params: Record<string, ExitTextParam>;
}

/** A text whose parameters may also hold whole sentences (the contract check's questions in a step). */
export interface ExitTextWithDetails {
  key: string;
  params: Record<string, ExitTextParam | { texts: ExitText[] }>;
}

/** Every key, enumerated from EXIT_TEXTS (tests check each has a translation). */
export const EXIT_TEXT_KEYS = keysOf(EXIT_TEXTS) as readonly ExitTextKey[];

/** The English template of a key; undefined for a key the plan does not write. */
export function englishTemplate(key: string): string | undefined {
  return templateIn(EXIT_TEXTS, key);
}

export function exitText(key: ExitTextKey, params: Record<string, ExitTextParam> = {}): ExitText {
  return { key, params };
}

/** The English words of a text, as the CLI, the PDF and case files show them. */
export function english(text: ExitText | ExitTextWithDetails): string {
  return renderEnglish(EXIT_TEXTS, text);
}

const STEP_PATTERNS = EXIT_TEXT_KEYS.filter((k) => k.startsWith('step.')).map((key) => {
  const parts = templateParts(englishTemplate(key) ?? '');
  // Literal text at even places is escaped; each placeholder at odd places becomes a lazy group.
  const names = parts.filter((_, i) => i % 2 === 1);
  const source = parts.map((part, i) => (i % 2 === 1 ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');

  return { key, names, pattern: new RegExp(`^${source}$`, 's') };
});

/** "1,200.00 EUR", as core formatMoney writes it, back to minor units. */
function parseEnglishMoney(text: string): { amount_minor: number; currency: string } | null {
  const m = /^(-?)(\d{1,3}(?:,\d{3})*)\.(\d{2}) ([A-Z]{3})$/.exec(text);
  if (!m) return null;
  const minor = Number((m[2] as string).replaceAll(',', '')) * 100 + Number(m[3]);

  return { amount_minor: m[1] ? -minor : minor, currency: m[4] as string };
}

/**
 * The key and parameters of a step title stored as English text only (plans saved and log
 * entries written before steps carried their key), or null when the title is not one the plan
 * writes (then it is shown as stored). Amounts and dates are recognised so they can be
 * formatted again; other parameters come back as the English text held them.
 */
export function recognizeStepTitle(title: string): ExitTextWithDetails | null {
  for (const { key, names, pattern } of STEP_PATTERNS) {
    const m = pattern.exec(title);
    if (!m) continue;
    const params: Record<string, ExitTextParam> = {};
    names.forEach((name, i) => {
      const value = m[i + 1] as string;
      const money = parseEnglishMoney(value);
      params[name] = money ?? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value } : value);
    });

    return { key, params };
  }

  return null;
}
