/**
 * Chart colours as Mantine CSS variables, so they follow the light and dark themes. Lights use the
 * same hues as scores on the client page (teal, yellow, red); red-flag codes get distinct hues,
 * with the serious-sounding ones on the warm side.
 */
import type { Light } from '../../../core/portfolio/light.js';
import type { RedFlagCode } from '../../../core/vocabulary.js';

const v = (color: string, shade: number) => `var(--mantine-color-${color}-${shade})`;

export const LIGHT_FILL: Record<Light, string> = { green: v('teal', 6), yellow: v('yellow', 5), red: v('red', 7) };

/** The Mantine colour name of each light, for badges and text. */
export const LIGHT_COLOR: Record<Light, 'teal' | 'yellow' | 'red'> = { green: 'teal', yellow: 'yellow', red: 'red' };

export const CODE_FILL: Record<RedFlagCode, string> = {
  abuse: v('red', 7),
  unlawful: v('red', 9),
  reputation_threat: v('pink', 6),
  payment: v('orange', 6),
  price_pressure: v('yellow', 6),
  urgency_pressure: v('lime', 7),
  availability_demands: v('green', 7),
  scope_creep: v('teal', 6),
  disregard_expertise: v('cyan', 7),
  contract_breach: v('blue', 6),
  negativity: v('violet', 6),
  unprofitable: v('indigo', 4),
  misfit: v('gray', 5),
  wellbeing: v('grape', 6),
  staff_report: v('orange', 9),
};

/** Axis text, grid lines and the calm fill of "everything else". */
export const INK = {
  text: 'var(--mantine-color-dimmed)',
  grid: 'var(--mantine-color-default-border)',
  muted: v('gray', 5),
};
