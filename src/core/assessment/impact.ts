/**
 * What losing the client means (D6, seed 001: "weigh what losing the client does to your income
 * and your work"), over the 12 calendar months ending with `today`'s month.
 *
 * Revenue is what was invoiced (invoices issued in the window, up to `today`), not what was
 * collected: a what-if payment does not change what the client is worth, only what it owes.
 */
import type { CaseView } from './case-view.js';
import type { AssessOptions, Impact } from './types.js';

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;

  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

export function computeImpact(view: CaseView, options: AssessOptions): Impact {
  const { record } = view;
  const toMonth = view.today.slice(0, 7);
  const fromMonth = addMonths(toMonth, -11);

  const clientRevenue = view.invoices.filter((i) => i.issued.slice(0, 7) >= fromMonth).reduce((sum, i) => sum + i.amount, 0);
  const providerRevenue = record.provider.revenue_last_12m_minor ?? null;
  const without = providerRevenue === null ? null : Math.max(0, providerRevenue - clientRevenue);
  const share = providerRevenue !== null && providerRevenue > 0 ? round(Math.min(1, clientRevenue / providerRevenue), 3) : null;

  // No time recorded at all means the hours are unknown; time recorded but none in the window means 0.
  const hours =
    record.time.length === 0
      ? null
      : round(
          view.time.filter((t) => t.month >= fromMonth).reduce((sum, t) => sum + t.hours, 0),
          2,
        );
  const clientRate = hours !== null && hours > 0 ? Math.round(clientRevenue / hours) : null;

  const providerHours = options.provider_hours_last_12m ?? null;
  const restHours = providerHours === null ? null : providerHours - (hours ?? 0);
  const restRate = without !== null && restHours !== null && restHours > 0 ? Math.round(without / restHours) : null;

  return {
    currency: record.provider.currency,
    window: { from_month: fromMonth, to_month: toMonth },
    client_revenue_minor: clientRevenue,
    provider_revenue_minor: providerRevenue,
    revenue_without_client_minor: without,
    client_share: share,
    hours_freed: hours,
    client_hourly_rate_minor: clientRate,
    rest_hourly_rate_minor: restRate,
    workspace_median_rate_minor: options.workspace_median_rate_minor ?? null,
    outstanding_minor: view.invoices.reduce((sum, i) => sum + i.outstanding, 0),
    overdue_minor: view.invoices.filter((i) => i.overdue).reduce((sum, i) => sum + i.outstanding, 0),
  };
}
