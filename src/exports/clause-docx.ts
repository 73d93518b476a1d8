/**
 * The contract clauses as a .docx: the title, the not-legal-advice notice in bold (so it cannot be
 * missed when the file is opened), the parties, each numbered clause, then the notes.
 */
import type { ClauseDocument } from '../core/clauses/types.js';
import { documentOf, docxPackage, LOCALES, paragraph } from './docx.js';

export function clauseDocumentXml(doc: ClauseDocument): string {
  const lang = LOCALES[doc.lang];
  const body = [paragraph(doc.title, lang, true), paragraph(doc.disclaimer, lang, true), paragraph(doc.parties, lang)];
  for (const section of doc.sections) {
    body.push(paragraph(`${section.number}. ${section.heading}`, lang, true));
    for (const p of section.paragraphs) body.push(paragraph(p, lang));
  }
  for (const note of doc.notes) body.push(paragraph(note, lang));

  return documentOf(body.join(''));
}

/** The .docx bytes for the clauses. */
export function clauseToDocx(doc: ClauseDocument, modified: Date): Uint8Array {
  return docxPackage(clauseDocumentXml(doc), modified);
}
