/** The exit plan's English texts: the core's own wording (src/core/exit/texts.ts), one source for the CLI and the UI. */
import { EXIT_TEXTS } from '../../../core/exit/texts.js';

export const exitTextsEn = { exitText: EXIT_TEXTS };
