/**
 * Statutory late-payment interest rates as DATED TABLES, one per regime, with their sources.
 * Rates are integers in basis points (1 bp = 0.01 percentage point): 10.15% is 1015.
 *
 * WHERE THIS KNOWLEDGE ENDS. The tables below were written from the publications cited, as known
 * up to the end of October 2025 (RATES_KNOWN_UNTIL). Every rate in force on that day is CARRIED
 * FORWARD unchanged to every later date: the half-years starting 2026-01-01 and 2026-07-01 (EU, LT,
 * RO) and every day after 2025-10-31 (RU) use the last known rate. The computation says so in its
 * notes whenever a period after RATES_KNOWN_UNTIL is used. Update the tables from the sources below
 * (append rows; never edit a past row) when new decisions are published.
 *
 * Regimes
 * - EU (Directive 2011/7/EU on combating late payment in commercial transactions, art. 2(6) and 2(12)
 *   and art. 3): statutory interest = reference rate + 8 percentage points. For a euro-area state the
 *   reference rate is the ECB's rate on its most recent main refinancing operations (MRO). The rate in
 *   force on 1 January applies to the first half of the year, the one in force on 1 July to the second.
 * - LT (Lietuvos Respublikos mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos
 *   įstatymas, the Law on the Prevention of Late Payment in Commercial Transactions, transposing
 *   2011/7/EU): the ECB MRO rate in force on the first calendar day of the half-year + 8 pp.
 * - RO (Legea nr. 72/2013 privind măsurile pentru combaterea întârzierii în executarea obligațiilor de
 *   plată a unor sume de bani rezultând din contracte încheiate între profesioniști și între aceștia și
 *   autorități contractante, art. 3, with OG nr. 13/2011): the NBR reference rate ("dobânda de
 *   referință", the NBR monetary policy rate in force on 1 January / 1 July, published by the NBR in
 *   Monitorul Oficial each half-year) + 8 pp.
 * - RU (Гражданский кодекс Российской Федерации, статья 395, "Ответственность за неисполнение
 *   денежного обязательства"): the Bank of Russia key rate ("ключевая ставка Банка России") in force
 *   in each period, changing on the effective date of each Board decision. No margin is added.
 *
 * Sources (as text, not fetched at run time)
 * - ECB, "Key ECB interest rates", https://www.ecb.europa.eu/stats/policy_and_exchange_rates/key_ecb_interest_rates/html/index.en.html
 * - ECB Statistical Data Warehouse, series FM.B.U2.EUR.4F.KR.MRR_FR.LEV (MRO fixed rate)
 * - Lietuvos bankas, "Palūkanų normos" / the LT law above on https://www.e-tar.lt (TAR)
 * - Banca Națională a României, "Rata dobânzii de referință a BNR" and "Rata dobânzii de politică
 *   monetară", https://www.bnr.ro/Rata-dobanzii-de-politica-monetara-3344.aspx ; Legea 72/2013 on
 *   https://legislatie.just.ro
 * - Банк России, "Ключевая ставка Банка России", https://www.cbr.ru/hd_base/KeyRate/
 * - Directive 2011/7/EU, https://eur-lex.europa.eu/eli/dir/2011/7/oj
 */
import { addDays } from '../dates.js';
import { type MoneyText, moneyEnglish, moneyText } from './texts.js';

/** The last day for which the tables reflect published decisions; later rates are carried forward. */
export const RATES_KNOWN_UNTIL = '2025-10-31';

/** A rate in force from `from` (inclusive) until the next row's `from`. */
export interface RateRow {
  from: string;
  rate_bp: number;
}

/**
 * ECB main refinancing operations fixed rate, by the date each change took effect (ECB, "Key ECB
 * interest rates"). From 2024-09-18 the MRO rate is set 15 bp above the deposit facility rate.
 */
export const ECB_MRO: readonly RateRow[] = [
  { from: '2016-03-16', rate_bp: 0 },
  { from: '2022-07-27', rate_bp: 50 },
  { from: '2022-09-14', rate_bp: 125 },
  { from: '2022-11-02', rate_bp: 200 },
  { from: '2022-12-21', rate_bp: 250 },
  { from: '2023-02-08', rate_bp: 300 },
  { from: '2023-03-22', rate_bp: 350 },
  { from: '2023-05-10', rate_bp: 375 },
  { from: '2023-06-21', rate_bp: 400 },
  { from: '2023-08-02', rate_bp: 425 },
  { from: '2023-09-20', rate_bp: 450 },
  { from: '2024-06-12', rate_bp: 425 },
  { from: '2024-09-18', rate_bp: 365 },
  { from: '2024-10-23', rate_bp: 340 },
  { from: '2024-12-18', rate_bp: 315 },
  { from: '2025-02-05', rate_bp: 290 },
  { from: '2025-03-12', rate_bp: 265 },
  { from: '2025-04-23', rate_bp: 240 },
  { from: '2025-06-11', rate_bp: 215 },
  // Held at 2.15% at the July, September and October 2025 meetings; carried forward from here.
];

/**
 * NBR reference rate ("dobânda de referință") by half-year: the monetary policy rate in force on
 * 1 January / 1 July, as the NBR publishes it in Monitorul Oficial. Policy-rate moves inside a
 * half-year (e.g. 4.75% from July 2022, 7.00% from January 2023, 6.50% from August 2024) only count
 * from the next half-year.
 */
export const NBR_REFERENCE: readonly RateRow[] = [
  { from: '2022-01-01', rate_bp: 175 },
  { from: '2022-07-01', rate_bp: 375 },
  { from: '2023-01-01', rate_bp: 675 },
  { from: '2023-07-01', rate_bp: 700 },
  { from: '2024-01-01', rate_bp: 700 },
  { from: '2024-07-01', rate_bp: 700 },
  { from: '2025-01-01', rate_bp: 650 },
  { from: '2025-07-01', rate_bp: 650 },
  // Policy rate held at 6.50% through October 2025: 2026-01-01 and later carry 6.50% forward.
];

/**
 * Bank of Russia key rate by the date each decision took effect (Банк России, "Ключевая ставка").
 * The table starts on 2022-10-02, the day after the moratorium on bankruptcy filings of
 * 2022-04-01..2022-10-01 (Постановление Правительства РФ № 497), during which courts did not award
 * art. 395 interest; the key rate then in force (7.50%, from 2022-09-19) is the first row.
 */
export const CBR_KEY_RATE: readonly RateRow[] = [
  { from: '2022-10-02', rate_bp: 750 },
  { from: '2023-07-24', rate_bp: 850 },
  { from: '2023-08-15', rate_bp: 1200 },
  { from: '2023-09-18', rate_bp: 1300 },
  { from: '2023-10-30', rate_bp: 1500 },
  { from: '2023-12-18', rate_bp: 1600 },
  { from: '2024-07-29', rate_bp: 1800 },
  { from: '2024-09-16', rate_bp: 1900 },
  { from: '2024-10-28', rate_bp: 2100 },
  { from: '2025-06-09', rate_bp: 2000 },
  { from: '2025-07-28', rate_bp: 1800 },
  { from: '2025-09-15', rate_bp: 1700 },
  { from: '2025-10-27', rate_bp: 1650 },
  // Last decision known: 2025-10-24 (16.50% from 2025-10-27); carried forward from here.
];

/** The 2011/7/EU margin over the reference rate: 8 percentage points. */
export const EU_MARGIN_BP = 800;

/** EU member states (ISO 3166-1 alpha-2; Greece is GR). */
export const EU_MEMBERS: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/** EU members outside the euro area (Bulgaria joined the euro on 2026-01-01). */
const NON_EURO_EU: ReadonlySet<string> = new Set(['CZ', 'DK', 'HU', 'PL', 'SE']);

export type InterestRegime = 'LT' | 'RO' | 'RU' | 'EU';

export type DayCount = 'actual/365' | 'actual/actual';

/** Everything the interest computation needs to know about one jurisdiction's rule. */
export interface InterestRule {
  regime: InterestRegime;
  jurisdiction: string;
  /** The statutory annual rate (reference + margin where there is one), row by row. */
  rates: readonly RateRow[];
  /**
   * actual/365: every day is 1/365 of a year, leap years included (2011/7/EU practice in LT and RO).
   * actual/actual: a day is 1/365 or 1/366 of a year depending on its calendar year, as Russian
   * courts compute art. 395 interest (the court calculators divide by the days of that year).
   */
  day_count: DayCount;
  law: string;
  /** `law` as a key and parameters, for the UI's languages. */
  law_i18n: MoneyText;
  rate_source: string;
  /** The EUR 40 recovery-cost compensation of 2011/7/EU art. 6 applies (EU regimes only). */
  eu_compensation: boolean;
  /** Caveats to show with every computation under this rule. */
  caveats: string[];
  /** `caveats` as keys and parameters, in the same order. */
  caveats_i18n: MoneyText[];
}

/** The law line and caveats in English and as keyed texts. */
function worded(law: MoneyText, caveats: MoneyText[]): Pick<InterestRule, 'law' | 'law_i18n' | 'caveats' | 'caveats_i18n'> {
  return { law: moneyEnglish(law), law_i18n: law, caveats: caveats.map(moneyEnglish), caveats_i18n: caveats };
}

/** The statutory rate on `date` from a table (the row in force that day), or undefined before the table starts. */
export function rateOn(rows: readonly RateRow[], date: string): RateRow | undefined {
  let found: RateRow | undefined;
  for (const row of rows) {
    if (row.from <= date) found = row;
    else break;
  }

  return found;
}

/**
 * The 2011/7/EU half-year table from a table of reference-rate changes: for every half-year from
 * `firstYear` to `lastYear`, the reference rate in force on its first day, plus the margin.
 */
export function halfYearTable(changes: readonly RateRow[], firstYear: number, lastYear: number, margin_bp: number): RateRow[] {
  const rows: RateRow[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const start of [`${year}-01-01`, `${year}-07-01`]) {
      const ref = rateOn(changes, start);
      if (ref) rows.push({ from: start, rate_bp: ref.rate_bp + margin_bp });
    }
  }

  return rows;
}

/** Statutory rate (ECB MRO + 8 pp) by half-year, 2022 H1 .. 2026 H2; the last row carries forward. */
export const ECB_STATUTORY: readonly RateRow[] = halfYearTable(ECB_MRO, 2022, 2026, EU_MARGIN_BP);

/** Statutory rate (NBR reference + 8 pp) by half-year; the last row carries forward. */
export const RO_STATUTORY: readonly RateRow[] = NBR_REFERENCE.map((r) => ({ from: r.from, rate_bp: r.rate_bp + EU_MARGIN_BP }));

/**
 * The rule for a provider's jurisdiction, or null when RedCard has none (then no interest is
 * computed and the plan says so). Only the regimes named in DOMAIN.md are implemented.
 */
export function interestRuleFor(jurisdiction: string | null | undefined): InterestRule | null {
  if (!jurisdiction) return null;
  const j = jurisdiction.toUpperCase();
  const ecbSource = 'ECB main refinancing operations rate, "Key ECB interest rates" (ecb.europa.eu), rate in force on 1 January / 1 July';
  if (j === 'LT') {
    return {
      regime: 'LT',
      jurisdiction: j,
      rates: ECB_STATUTORY,
      day_count: 'actual/365',
      ...worded(moneyText('rule.law-lt'), []),
      rate_source: ecbSource,
      eu_compensation: true,
    };
  }
  if (j === 'RO') {
    return {
      regime: 'RO',
      jurisdiction: j,
      rates: RO_STATUTORY,
      day_count: 'actual/365',
      ...worded(moneyText('rule.law-ro'), []),
      rate_source: 'NBR reference rate ("dobânda de referință"), published each half-year by Banca Națională a României (bnr.ro)',
      eu_compensation: true,
    };
  }
  if (j === 'RU') {
    return {
      regime: 'RU',
      jurisdiction: j,
      rates: CBR_KEY_RATE,
      day_count: 'actual/actual',
      ...worded(moneyText('rule.law-ru'), [moneyText('rule.ru-penalty')]),
      rate_source: 'Bank of Russia key rate ("Ключевая ставка Банка России", cbr.ru), by effective date of each decision',
      eu_compensation: false,
    };
  }
  if (EU_MEMBERS.has(j)) {
    return {
      regime: 'EU',
      jurisdiction: j,
      rates: ECB_STATUTORY,
      day_count: 'actual/365',
      ...worded(moneyText('rule.law-eu', { jurisdiction: j }), [
        moneyText(NON_EURO_EU.has(j) ? 'rule.outside-euro' : 'rule.generic', { jurisdiction: j }),
      ]),
      rate_source: ecbSource,
      eu_compensation: true,
    };
  }

  return null;
}

/** The first day after `date`'s rate row ends (exclusive end), or null when the row is the last. */
export function nextChange(rows: readonly RateRow[], date: string): string | null {
  for (const row of rows) if (row.from > date) return row.from;

  return null;
}

/** Inclusive last day of the rate row in force on `date`, or null when it runs on. */
export function rowEnd(rows: readonly RateRow[], date: string): string | null {
  const next = nextChange(rows, date);

  return next === null ? null : addDays(next, -1);
}
