/** Placeholder; filled below. */
import type { LetterLang, ToneCode, ToneContext } from './tone.js';

export interface HeldOutLetter {
  id: string;
  lang: LetterLang;
  context: ToneContext;
  text: string;
  violations: ToneCode[];
}

export const TONE_HELDOUT: readonly HeldOutLetter[] = [];
