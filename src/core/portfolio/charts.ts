/**
 * The dashboard's two portfolio charts, added up from the clients' snapshots: revenue
 * concentration (who the income depends on, and how much of it comes from clients at risk) and
 * incidents per month by red-flag code. Pure.
 */
import { RED_FLAG_CODES, type RedFlagCode } from '../vocabulary.js';
import { isAtRisk, type Light } from './light.js';
import { TREND_MONTHS } from './snapshot.js';

/** How many clients the concentration chart names; the rest are summed as "others". */
export const CONCENTRATION_TOP = 10;

export interface ConcentrationInput {
  client_id: string;
  name: string;
  light: Light;
  revenue_12m_minor: number;
}

export interface ConcentrationSlice {
  client_id: string;
  name: string;
  light: Light;
  revenue_minor: number;
  /** Share of the total, 0..1, 3 decimals. */
  share: number;
}

export interface Concentration {
  total_minor: number;
  /** Revenue from clients whose light is yellow or red. */
  at_risk_minor: number;
  at_risk_share: number;
  /** The largest clients by revenue, largest first (only clients with revenue). */
  top: ConcentrationSlice[];
  /** Everyone else with revenue, summed. */
  others: { clients: number; revenue_minor: number; at_risk_minor: number; share: number };
}

const share = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 1000 : 0);

export function revenueConcentration(rows: readonly ConcentrationInput[], top = CONCENTRATION_TOP): Concentration {
  const earning = rows
    .filter((r) => r.revenue_12m_minor > 0)
    // Ties by name then id, so the chart does not reorder between requests.
    .sort((a, b) => b.revenue_12m_minor - a.revenue_12m_minor || a.name.localeCompare(b.name) || a.client_id.localeCompare(b.client_id));
  const total = earning.reduce((sum, r) => sum + r.revenue_12m_minor, 0);
  const atRisk = earning.reduce((sum, r) => sum + (isAtRisk(r.light) ? r.revenue_12m_minor : 0), 0);
  const named = earning.slice(0, top);
  const rest = earning.slice(top);
  const restRevenue = rest.reduce((sum, r) => sum + r.revenue_12m_minor, 0);

  return {
    total_minor: total,
    at_risk_minor: atRisk,
    at_risk_share: share(atRisk, total),
    top: named.map((r) => ({
      client_id: r.client_id,
      name: r.name,
      light: r.light,
      revenue_minor: r.revenue_12m_minor,
      share: share(r.revenue_12m_minor, total),
    })),
    others: {
      clients: rest.length,
      revenue_minor: restRevenue,
      at_risk_minor: rest.reduce((sum, r) => sum + (isAtRisk(r.light) ? r.revenue_12m_minor : 0), 0),
      share: share(restRevenue, total),
    },
  };
}

export interface IncidentsByMonth {
  months: string[];
  /** One series per code that occurs in the window, in the vocabulary's order. */
  series: Array<{ code: RedFlagCode; counts: number[] }>;
  /** All codes together, per month. */
  totals: number[];
}

export function incidentsByMonth(
  months: readonly string[],
  perClient: ReadonlyArray<Partial<Record<RedFlagCode, number[]>>>,
): IncidentsByMonth {
  const sums = new Map<RedFlagCode, number[]>();
  for (const counts of perClient) {
    for (const [code, values] of Object.entries(counts) as Array<[RedFlagCode, number[]]>) {
      const sum = sums.get(code) ?? new Array<number>(TREND_MONTHS).fill(0);
      values.forEach((v, i) => {
        sum[i] = (sum[i] ?? 0) + v;
      });
      sums.set(code, sum);
    }
  }
  const series = RED_FLAG_CODES.filter((code) => sums.has(code)).map((code) => ({ code, counts: sums.get(code) as number[] }));
  const totals = months.map((_, i) => series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));

  return { months: [...months], series, totals };
}
