/**
 * A client's score over the last 12 months as a small inline line: on the same 0–100 scale for
 * every client, so two rows compare at a glance; the last point is coloured by today's light.
 * Months before the client existed (null) are left blank.
 */
import type { Light } from '../../../core/portfolio/light.js';
import { INK, LIGHT_FILL } from './palette.js';

/** An SVG path through the scores, broken where a value is null (a month with no score). */
export function scorePath(values: readonly (number | null)[], x: (i: number) => number, y: (score: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    drawing = true;
  });

  return path.trim();
}

export interface SparklineProps {
  values: readonly (number | null)[];
  light: Light;
  /** Read out instead of the drawing. */
  label: string;
  width?: number;
  height?: number;
}

export function Sparkline({ values, light, label, width = 96, height = 28 }: SparklineProps) {
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (score: number) => pad + ((100 - score) * (height - 2 * pad)) / 100;
  const last = values.at(-1);

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sparkline">
      <title>{label}</title>
      {/* The green band's lower edge (70), faint, as a reference. */}
      <line x1={pad} x2={width - pad} y1={y(70)} y2={y(70)} stroke={INK.grid} strokeDasharray="2 2" strokeWidth={1} />
      <path d={scorePath(values, x, y)} fill="none" stroke={INK.muted} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      {last !== undefined && last !== null && <circle cx={x(values.length - 1)} cy={y(last)} r={3} fill={LIGHT_FILL[light]} />}
    </svg>
  );
}
