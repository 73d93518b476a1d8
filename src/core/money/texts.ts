/**
 * The money part of the exit plan in words for people, each under a stable key with its
 * parameters (src/core/text.ts), so the web UI can say them in the user's language while the CLI,
 * the PDF and case files keep the English: the notes on what is owed (owed.ts), the interest
 * rules' law lines and caveats (rates.ts) and the settlement's notes (settlement.ts).
 *
 * MONEY_TEXTS holds the one English wording of each; the English fields are rendered from it and
 * the web UI uses it as its English resource. "payment(s)" and "day(s)" stay as the English always
 * said them; the other languages give a `count` its plural forms.
 */
import { type KeyedText, keysOf, renderEnglish, type TextParam, templateIn } from '../text.js';

export const MONEY_TEXTS = {
  owed: {
    'no-jurisdiction': 'No jurisdiction is recorded for you: no statutory late-payment interest is computed.',
    'no-rule': 'RedCard has no statutory late-payment interest rule for {{jurisdiction}}: none is computed.',
    individual: 'The client is an individual: statutory late-payment interest for businesses does not apply, none is computed.',
    'future-payments': '{{count}} payment(s) dated after {{date}} are ignored: they had not happened on the day the case is judged.',
    'carried-forward':
      "Some interest uses rates after {{date}}, where RedCard's rate table carries the last known rate forward; check the current official rate.",
    'before-table': "{{count}} late day(s) fall before RedCard's rate table starts: no interest is computed for them.",
  },
  rule: {
    'law-lt':
      'Lithuania: Law on the Prevention of Late Payment in Commercial Transactions (mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos įstatymas), transposing Directive 2011/7/EU: ECB rate + 8 percentage points',
    'law-ro': 'Romania: Legea nr. 72/2013, art. 3 (transposing Directive 2011/7/EU): NBR reference rate + 8 percentage points',
    'law-ru': 'Russia: Civil Code (Гражданский кодекс РФ), article 395: the Bank of Russia key rate in force in each period',
    'law-eu': '{{jurisdiction}}: Directive 2011/7/EU as transposed (generic rule): ECB rate + 8 percentage points',
    'ru-penalty': 'The contract may set its own penalty (неустойка) instead of article 395 interest; check it.',
    'outside-euro':
      "{{jurisdiction}} is outside the euro area: its law uses the national central bank's reference rate, so this ECB-based figure is only an indication.",
    generic: "Generic rule: {{jurisdiction}}'s own transposition may set a higher margin or different dates; check it before claiming.",
  },
  settlement: {
    'prepaid-unknown-share':
      '{{engagement}} was prepaid but has no deliverables recorded: agree the share done with the client before refunding (X10).',
    'not-invoiced-yet': 'No invoice issued yet: {{engagement}} is billed from the start of {{month}}.',
    'one-off-left': 'One-off work earned {{earned}} by the exit and {{invoiced}} was invoiced: {{left}} is left to bill.',
    'one-off-none': 'One-off work earned {{earned}} by the exit and {{invoiced}} was invoiced: nothing is left to bill.',
    'one-off-compare':
      '{{engagement}}: work worth {{amount}} is done by the exit; invoices are not linked to engagements, so compare it with what you billed for it.',
    'not-yet': 'The refund and the final invoice are computed once the end date is set, after the contract check.',
  },
} as const;

type Texts = typeof MONEY_TEXTS;
/** "owed.individual", "rule.law-ru", ...: every key the money computation can write. */
export type MoneyTextKey = { [G in keyof Texts]: `${G & string}.${keyof Texts[G] & string}` }[keyof Texts];

/** Every key, enumerated from MONEY_TEXTS (tests check each has a translation). */
export const MONEY_TEXT_KEYS = keysOf(MONEY_TEXTS) as readonly MoneyTextKey[];

/** The English template of a key; undefined for a key the money computation does not write. */
export function moneyTemplate(key: string): string | undefined {
  return templateIn(MONEY_TEXTS, key);
}

/** A parameter of a money text: a name or count, a date, an amount, names to quote (the plan contract's kinds). */
export type MoneyTextParam = Exclude<TextParam, { notice: unknown } | { number: number } | { percent: number }>;

/** A money text: its key (a MoneyTextKey, or one since retired in a stored plan) and parameters. */
export interface MoneyText {
  key: string;
  params: Record<string, MoneyTextParam>;
}

export function moneyText(key: MoneyTextKey, params: Record<string, MoneyTextParam> = {}): MoneyText {
  return { key, params };
}

/** The English words of a money text, as the CLI, the PDF and case files show them. */
export function moneyEnglish(text: KeyedText): string {
  return renderEnglish(MONEY_TEXTS, text);
}
