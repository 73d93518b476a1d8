/**
 * The traffic light of the portfolio dashboard: one glance per client, derived from the
 * assessment so it never disagrees with what the client page says.
 *
 * | light  | when                                                                 |
 * |--------|----------------------------------------------------------------------|
 * | red    | the recommendation is `red_card`, or the score is below 40          |
 * | yellow | the recommendation is `watch`, `yellow_card` or `reassign`, or the score is below 70 |
 * | green  | otherwise: `keep` with a score of 70 or more                         |
 *
 * The recommendation can only darken the light, never lighten it: a client with a low score but
 * no rule of section 7 triggered (money overdue without a payment incident, say) still shows
 * the score's colour. 70 and 40 are the bands the client page already colours scores by.
 */
import type { Recommendation } from '../assessment/types.js';

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** Scores from here up are green when nothing else says otherwise. */
export const GREEN_FROM = 70;
/** Scores below this are red whatever the recommendation. */
export const RED_BELOW = 40;

export function trafficLight(score: number, recommendation: Recommendation): Light {
  if (recommendation === 'red_card' || score < RED_BELOW) return 'red';
  if (recommendation !== 'keep' || score < GREEN_FROM) return 'yellow';

  return 'green';
}

/** Red and yellow clients are "at risk" in the revenue concentration chart. */
export function isAtRisk(light: Light): boolean {
  return light !== 'green';
}
