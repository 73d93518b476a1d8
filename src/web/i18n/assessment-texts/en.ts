/** The assessment's English texts: the core's own wording (src/core/assessment/texts.ts), one source for the CLI and the UI. */
import { ASSESSMENT_TEXTS } from '../../../core/assessment/texts.js';

export const assessmentTextsEn = { assessmentText: ASSESSMENT_TEXTS };
