/**
 * A letter draft (or call script) as a PDF: the subject as the heading, then the body's paragraphs
 * as they are, in the bundled Roboto font (plan-pdf.ts renderPdf), which covers Cyrillic and the
 * Lithuanian and Romanian diacritics. Pure: the creation date is an argument.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Draft } from '../core/letters/drafts.js';
import { renderPdf } from './plan-pdf.js';

export interface LetterPdfInput {
  draft: Draft;
  /** Who signs, written into the PDF's metadata as its author. */
  author: string;
  /** The creation date written into the PDF's metadata. */
  now: Date;
}

/** The document definition (exported for tests and a preview). */
export function letterDocument(input: LetterPdfInput): TDocumentDefinitions {
  const { draft } = input;
  // One pdfmake paragraph per blank-line-separated block; single line breaks inside a block (a
  // sign-off and its name, the lines of an invoice list) are kept as they are.
  const paragraphs: Content[] = draft.body.split(/\n{2,}/).map((block) => ({ text: block, margin: [0, 0, 0, 8] }));

  return {
    info: {
      title: draft.subject,
      author: input.author,
      subject: draft.kind.replaceAll('_', ' '),
      creator: 'RedCard',
      producer: 'RedCard (pdfmake)',
      creationDate: input.now,
      modDate: input.now,
    },
    language: draft.lang,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    content: [{ text: draft.subject, style: 'subject' }, ...paragraphs],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: { subject: { fontSize: 13, bold: true, margin: [0, 0, 0, 14] } },
  };
}

export async function letterToPdf(input: LetterPdfInput): Promise<Uint8Array> {
  return renderPdf(letterDocument(input));
}
