/**
 * The assessment of one client (issue 4): a recommendation by DOMAIN.md section 7, a score from 0
 * to 100 in seven explained dimensions, the reasons with the records behind them, and what losing
 * the client means (D6). Pure: the date to judge on is an argument, never read from a clock.
 *
 * Weighting (details in weighting.ts and README.md): an incident costs 10, 30 or 60 points by
 * severity, times a recency weight that halves every 90 days (never below 0.5 for severity 3),
 * doubled after a yellow card. The overall score is the weighted average of the dimensions
 * (payment 25%, respect 20%, legality 15%, the others 10%), but never more than 15 points above
 * the weakest dimension.
 */
import type { CaseRecord } from '../case.js';
import { isIsoDate } from '../dates.js';
import { DomainError } from '../errors.js';
import { type CaseView, cardRef, incidentRef, viewCase } from './case-view.js';
import { scoreDimensions } from './dimensions.js';
import { computeImpact } from './impact.js';
import { decide } from './recommend.js';
import { assessmentText, incidentList, money, reason } from './texts.js';
import type { Assessment, AssessOptions, Impact, Reason, Verdict } from './types.js';

export function assess(record: CaseRecord, options: AssessOptions): Assessment {
  if (!isIsoDate(options.today)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid date to assess on: ${options.today}`, {
      issues: [{ path: 'today', message: 'must be a calendar date written YYYY-MM-DD' }],
    });
  }
  const view = viewCase(record, options.today);
  const impact = computeImpact(view, options);
  const decision = decide(view);
  const scored = scoreDimensions(view, impact);
  const verdict: Verdict = decision.verdict;

  return {
    ...verdict,
    today: options.today,
    client_name: record.client.name,
    reference_rule: decision.referenceRule,
    score: scored.score,
    score_explanation: scored.explanation,
    dimensions: scored.dimensions,
    reasons: [...decision.reasons, ...contextReasons(view, verdict, impact)],
    impact,
  };
}

/** Reasons that inform the decision without changing it: D6's weighing, D7, a red card on record. */
function contextReasons(view: CaseView, verdict: Verdict, impact: Impact): Reason[] {
  const reasons: Reason[] = [];

  // D6 (seed 001): weigh what losing the client does to your income and your work.
  if (verdict.recommendation !== 'keep') {
    const amount = (minor: number) => money(minor, impact.currency);
    const client = amount(impact.client_revenue_minor);
    const revenue =
      impact.provider_revenue_minor === null
        ? assessmentText('impact.invoiced', { amount: client })
        : impact.client_share === null
          ? assessmentText('impact.revenue', {
              from: amount(impact.provider_revenue_minor),
              to: amount(impact.revenue_without_client_minor ?? 0),
              client,
            })
          : assessmentText('impact.revenue-share', {
              from: amount(impact.provider_revenue_minor),
              to: amount(impact.revenue_without_client_minor ?? 0),
              client,
              share: { percent: impact.client_share },
            });
    const hours =
      impact.hours_freed === null ? assessmentText('impact.hours-unknown') : assessmentText('impact.hours', { count: impact.hours_freed });
    const params = { revenue: { texts: [revenue] }, hours: { texts: [hours] } };
    const text =
      impact.outstanding_minor > 0
        ? assessmentText('reason.impact-owed', { ...params, owed: amount(impact.outstanding_minor) })
        : assessmentText('reason.impact', params);
    reasons.push(reason('D6', text, []));
  }

  // D7 (seed 002): do not make it public in anger, least of all when the client threatens to.
  const threats = view.incidents.filter((i) => i.code === 'reputation_threat');
  if (threats.length > 0) {
    reasons.push(reason('D7', assessmentText('reason.reputation', { incidents: incidentList(threats) }), threats.map(incidentRef)));
  } else if (verdict.recommendation === 'red_card') {
    reasons.push(reason('D7', assessmentText('reason.not-public'), []));
  }

  // A red card already given stays on record; ending or reversing it is the escalation's business.
  const reds = view.cards.filter((c) => c.color === 'red');
  if (reds.length > 0) {
    const dates = { texts: reds.map((c) => assessmentText('list.date', { date: { date: c.date } })), join: 'comma' as const };
    reasons.push(reason('D4', assessmentText('reason.red-on-record', { dates }), reds.map(cardRef)));
  }

  return reasons;
}
