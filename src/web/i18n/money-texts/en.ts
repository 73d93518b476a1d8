/** The money texts' English: the core's own wording (src/core/money/texts.ts), one source for the CLI and the UI. */
import { MONEY_TEXTS } from '../../../core/money/texts.js';

export const moneyTextsEn = { moneyText: MONEY_TEXTS };
