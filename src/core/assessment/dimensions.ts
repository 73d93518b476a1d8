/**
 * The seven dimensions of the score, each from 0 to 100 (100 = healthy) and each explaining
 * itself. See weighting.ts (and README.md) for the numbers and why.
 *
 * Every penalty only ever adds: an incident subtracts points from its dimension, a payment moves
 * money from "late until today" to "late until it was paid". So adding a serious incident never
 * raises a dimension, and recording a payment never lowers one.
 */

import type { TextList } from '../text.js';
import type { RedFlagCode } from '../vocabulary.js';
import { RED_FLAG_CODES } from '../vocabulary.js';
import { type CaseView, type IncidentView, type InvoiceView, incidentRef, invoiceRef } from './case-view.js';
import { type AssessmentText, assessmentEnglish, assessmentText, daysText, listOfTexts, money, sentences } from './texts.js';
import type { Dimension, DimensionKey, EvidenceRef, Impact, Score0to100 } from './types.js';
import { DIMENSIONS } from './types.js';
import {
  AFTER_WARNING_FACTOR,
  DIMENSION_WEIGHTS,
  dimensionOf,
  HALF_LIFE_DAYS,
  LATE_MAX,
  LATE_SCALE_DAYS,
  OVERDUE_AGE,
  OVERDUE_AGE_FULL_DAYS,
  OVERDUE_BASE,
  OVERDUE_MAX,
  RATE_MAX,
  recencyWeight,
  SEVERITY_POINTS,
  TREND_DAYS,
  WEAKEST_LINK_MARGIN,
} from './weighting.js';

export function toScore(value: number): Score0to100 {
  return Math.min(100, Math.max(0, Math.round(value))) as Score0to100;
}

interface Penalised {
  incident: IncidentView;
  points: number;
  afterWarning: boolean;
}

/** Each incident's cost: severity points x recency weight, doubled after a yellow card (D4). */
function penalise(view: CaseView): Penalised[] {
  const firstYellow = view.cards.find((c) => c.color === 'yellow');

  return view.incidents.map((incident) => {
    const afterWarning = firstYellow !== undefined && incident.date > firstYellow.date;
    const points =
      SEVERITY_POINTS[incident.severity] * recencyWeight(incident.ageDays, incident.severity) * (afterWarning ? AFTER_WARNING_FACTOR : 1);

    return { incident, points, afterWarning };
  });
}

function codesOf(dimension: DimensionKey): RedFlagCode[] {
  return RED_FLAG_CODES.filter((code) => dimensionOf(code) === dimension);
}

/** "abuse x2 (latest 2026-11-12, up to severity 3); negativity on 2026-06-11 (severity 1)" */
function describeGroups(items: Penalised[]): TextList {
  const byCode = new Map<RedFlagCode, IncidentView[]>();
  for (const { incident } of items) byCode.set(incident.code, [...(byCode.get(incident.code) ?? []), incident]);
  const parts = [...byCode.entries()].map(([code, list]) => {
    // Incidents come sorted by date, so the last is the latest.
    const latest = list.at(-1)?.date ?? '';
    const worst = Math.max(...list.map((i) => i.severity));

    const flag = { texts: [assessmentText(`flag.${code}`)] };

    return list.length === 1
      ? assessmentText('group.one', { flag, date: { date: latest }, severity: worst })
      : assessmentText('group.many', { flag, times: list.length, date: { date: latest }, severity: worst });
  });

  return listOfTexts(parts, 5);
}

function incidentSentence(dimension: DimensionKey, items: Penalised[], today: string): { text: AssessmentText; points: number } {
  const points = items.reduce((sum, p) => sum + p.points, 0);
  if (items.length === 0) {
    const flags = { texts: codesOf(dimension).map((code) => assessmentText(`flag.${code}`)), join: 'or' as const };

    return { text: assessmentText('dimension.none', { flags, date: { date: today } }), points: 0 };
  }
  const warned = items.some((p) => p.afterWarning);
  const key =
    dimension === 'payment'
      ? warned
        ? 'dimension.payment-incidents-warned'
        : 'dimension.payment-incidents'
      : warned
        ? 'dimension.incidents-warned'
        : 'dimension.incidents';
  const params = { count: items.length, groups: describeGroups(items), halfLife: HALF_LIFE_DAYS, points: { number: points } };

  return { text: assessmentText(key, params), points };
}

function paymentDimension(
  view: CaseView,
  items: Penalised[],
  impact: Impact,
): { score: number; text: AssessmentText[]; evidence: EvidenceRef[] } {
  const currency = impact.currency;
  // Only invoices whose due date has passed say anything about punctuality.
  const judged = view.invoices.filter((i) => i.dueAgeDays > 0);
  const parts: AssessmentText[] = [];
  let penalty = 0;

  if (judged.length === 0) {
    parts.push(
      view.invoices.length === 0
        ? assessmentText('dimension.no-invoices', { date: { date: view.today } })
        : assessmentText('dimension.none-due'),
    );
  } else {
    // Money-weighted average days late, recent invoices weighing more (same half-life as incidents).
    const weightOf = (i: InvoiceView) => i.amount * recencyWeight(i.dueAgeDays);
    const totalWeight = judged.reduce((sum, i) => sum + weightOf(i), 0);
    const averageLate = totalWeight > 0 ? judged.reduce((sum, i) => sum + weightOf(i) * i.averageDaysLate, 0) / totalWeight : 0;
    const latePenalty = LATE_MAX * (1 - Math.exp(-averageLate / LATE_SCALE_DAYS));
    penalty += latePenalty;
    parts.push(
      assessmentText('dimension.late', {
        count: judged.length,
        late: { texts: [daysText(averageLate)] },
        points: { number: latePenalty },
      }),
    );

    const overdue = judged.filter((i) => i.overdue);
    if (overdue.length === 0) parts.push(assessmentText('dimension.nothing-overdue'));
    else {
      // Each overdue invoice costs more the longer it is overdue, in proportion to its unpaid share.
      const raw = overdue.reduce(
        (sum, i) => sum + (i.outstanding / i.amount) * (OVERDUE_BASE + OVERDUE_AGE * Math.min(1, i.dueAgeDays / OVERDUE_AGE_FULL_DAYS)),
        0,
      );
      const overduePenalty = Math.min(OVERDUE_MAX, raw);
      penalty += overduePenalty;
      const oldest = Math.max(...overdue.map((i) => i.dueAgeDays));
      parts.push(
        assessmentText('dimension.overdue', {
          amount: money(impact.overdue_minor, currency),
          count: overdue.length,
          oldest: { texts: [assessmentText('unit.days', { count: oldest })] },
          points: { number: overduePenalty },
        }),
      );
    }

    // The trend is reported, not scored: scoring it would let a late payment on an old invoice
    // lower the score, and a payment must never do that.
    const recent = judged.filter((i) => i.dueAgeDays <= TREND_DAYS);
    const older = judged.filter((i) => i.dueAgeDays > TREND_DAYS);
    if (recent.length > 0 && older.length > 0) {
      const avg = (list: InvoiceView[]) =>
        list.reduce((s, i) => s + i.averageDaysLate * i.amount, 0) / list.reduce((s, i) => s + i.amount, 0);
      const [a, b] = [avg(recent), avg(older)];
      const direction = Math.abs(a - b) < 2 ? 'trend.steady' : a > b ? 'trend.later' : 'trend.sooner';
      parts.push(
        assessmentText('dimension.trend', {
          direction: { texts: [assessmentText(direction)] },
          recent: { texts: [daysText(a)] },
          trendDays: TREND_DAYS,
          before: { texts: [daysText(b)] },
        }),
      );
    }
  }

  const incidents = incidentSentence('payment', items, view.today);
  if (items.length > 0 || judged.length === 0) parts.push(incidents.text);
  penalty += incidents.points;

  const evidence: EvidenceRef[] = [
    ...view.invoices.filter((i) => i.daysLate > 0 || i.overdue).map(invoiceRef),
    ...items.map((p) => incidentRef(p.incident)),
  ];

  return { score: 100 - penalty, text: parts, evidence };
}

function economicsDimension(view: CaseView, items: Penalised[], impact: Impact): { score: number; text: AssessmentText[] } {
  const currency = impact.currency;
  const parts: AssessmentText[] = [];
  let penalty = 0;
  const rate = impact.client_hourly_rate_minor;
  const median = impact.workspace_median_rate_minor;
  if (rate === null) {
    parts.push(assessmentText(impact.hours_freed === null ? 'dimension.no-time' : 'dimension.no-hours'));
  } else if (median === null || median <= 0) {
    parts.push(assessmentText('dimension.rate-no-median', { rate: money(rate, currency) }));
  } else if (rate >= median) {
    parts.push(assessmentText('dimension.rate-at-median', { rate: money(rate, currency), median: money(median, currency) }));
  } else {
    const ratePenalty = RATE_MAX * (1 - rate / median);
    penalty += ratePenalty;
    parts.push(
      assessmentText('dimension.rate-below', {
        rate: money(rate, currency),
        share: { percent: rate / median },
        median: money(median, currency),
        points: { number: ratePenalty },
      }),
    );
  }
  // The share is reported, not scored: a large client is costlier to lose (D6 weighs it in the
  // impact), but that makes the relationship neither healthier nor sicker.
  parts.push(
    impact.client_share === null
      ? assessmentText('dimension.share-unknown')
      : assessmentText('dimension.share', { share: { percent: impact.client_share } }),
  );
  const incidents = incidentSentence('economics', items, view.today);
  parts.push(incidents.text);
  penalty += incidents.points;

  return { score: 100 - penalty, text: parts };
}

/** A dimension's explanation: its sentences in English, and as keys for the UI's languages. */
function explained(parts: AssessmentText[]): Pick<Dimension, 'explanation' | 'explanation_i18n'> {
  const text = sentences(parts);

  return { explanation: assessmentEnglish(text), explanation_i18n: text };
}

export interface Scored {
  dimensions: Record<DimensionKey, Dimension>;
  score: Score0to100;
  /** How the overall score was formed, for the record. */
  explanation: string;
}

export function scoreDimensions(view: CaseView, impact: Impact): Scored {
  const penalised = penalise(view);
  const of = (d: DimensionKey) => penalised.filter((p) => dimensionOf(p.incident.code) === d);
  const weight = (d: DimensionKey) => DIMENSION_WEIGHTS[d] / 100;

  const dimension = (d: DimensionKey): Dimension => {
    const items = of(d);
    switch (d) {
      case 'payment': {
        const r = paymentDimension(view, items, impact);

        return { score: toScore(r.score), weight: weight(d), ...explained(r.text), evidence: r.evidence };
      }
      case 'economics': {
        const r = economicsDimension(view, items, impact);

        return { score: toScore(r.score), weight: weight(d), ...explained(r.text), evidence: items.map((p) => incidentRef(p.incident)) };
      }
      default: {
        const r = incidentSentence(d, items, view.today);

        return {
          score: toScore(100 - r.points),
          weight: weight(d),
          ...explained([r.text]),
          evidence: items.map((p) => incidentRef(p.incident)),
        };
      }
    }
  };

  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, dimension(d)])) as Record<DimensionKey, Dimension>;

  // Integer arithmetic: the dimension scores are integers and the weights whole percents.
  const weighted = Math.round(DIMENSIONS.reduce((sum, d) => sum + DIMENSION_WEIGHTS[d] * dimensions[d].score, 0) / 100);
  const weakest = DIMENSIONS.reduce((a, b) => (dimensions[b].score < dimensions[a].score ? b : a));
  const cap = dimensions[weakest].score + WEAKEST_LINK_MARGIN;
  const score = toScore(Math.min(weighted, cap));
  const explanation =
    cap < weighted
      ? `The weighted average of the dimensions is ${weighted}, but the score stays within ${WEAKEST_LINK_MARGIN} points of the weakest dimension, ${weakest} (${dimensions[weakest].score}).`
      : `The score is the weighted average of the dimensions (payment ${DIMENSION_WEIGHTS.payment}%, respect ${DIMENSION_WEIGHTS.respect}%, legality ${DIMENSION_WEIGHTS.legality}%, the others ${DIMENSION_WEIGHTS.boundaries}% each).`;

  return { dimensions, score, explanation };
}
