/** A letter draft as a .docx: the subject in bold, then one paragraph per block (docx.ts builds the package). */
import type { Draft } from '../core/letters/drafts.js';
import { DOCX_MEDIA_TYPE, documentOf, docxPackage, LOCALES, paragraph } from './docx.js';

export { crc32, zipStored } from './docx.js';
export { DOCX_MEDIA_TYPE };

/** word/document.xml: the subject in bold, then one paragraph per blank-line-separated block. */
export function documentXml(draft: Draft): string {
  const lang = LOCALES[draft.lang];

  return documentOf([paragraph(draft.subject, lang, true), ...draft.body.split(/\n{2,}/).map((b) => paragraph(b, lang))].join(''));
}

/** The .docx bytes for a draft. */
export function letterToDocx(draft: Draft, modified: Date): Uint8Array {
  return docxPackage(documentXml(draft), modified);
}
