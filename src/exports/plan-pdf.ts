/**
 * The exit plan as a printable PDF for the user's records (issue 5), made with pdfmake. A pure
 * renderer: it takes the plan and returns the bytes; the creation date is passed in.
 *
 * Fonts: Roboto as bundled with pdfmake (pdfmake/build/vfs_fonts.js, loaded as a module, no file or
 * network access); it covers Latin with Lithuanian and Romanian diacritics and Cyrillic. pdfmake's
 * URL and local-file access are switched off for our documents: nothing is fetched or read.
 */
import pdfMake from 'pdfmake';
import vfsFonts from 'pdfmake/build/vfs_fonts.js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describeNotice, type ExitPath, type ExitPlan } from '../core/exit/index.js';
import { formatMoney, formatRate } from '../core/money/index.js';

export interface PlanPdfInput {
  plan: ExitPlan;
  clientName: string;
  /** The provider (workspace) the plan is for, shown under the title. */
  providerName?: string | null;
  /** The creation date written into the PDF's metadata. */
  now: Date;
}

export const PDF_MEDIA_TYPE = 'application/pdf';

export const NOT_LEGAL_ADVICE_FOOTER = 'RedCard: a template, not legal advice. Check the contract and the law with a lawyer before acting.';

const PATH_WORDS: Record<ExitPath, string> = {
  immediate: 'Immediate exit (D1): stop now, without a warning',
  stop_and_collect: 'Stop and collect (D2): stop work now and collect what is owed',
  finish_then_exit: 'Finish, then exit (D3): finish the current work to its checkpoints, then end as the contract says',
  reassign: 'Reassignment (D5): move the client to another team member',
};

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

interface PdfMakeNode {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Uint8Array): void };
  urlAccessPolicy?: (url: string) => boolean;
  localAccessPolicy?: (path: string) => boolean;
}

let fontsLoaded = false;

/** Puts the bundled Roboto files into pdfmake's in-memory file system, once. */
function loadFonts(): void {
  if (fontsLoaded) return;
  const node = pdfMake as unknown as PdfMakeNode;
  for (const file of Object.values(FONT_FILES)) {
    const base64 = (vfsFonts as Record<string, string | undefined>)[file];
    if (!base64) throw new Error(`pdfmake's bundled font ${file} is missing`);
    if (!node.virtualfs.existsSync(file)) node.virtualfs.writeFileSync(file, Buffer.from(base64, 'base64'));
  }
  fontsLoaded = true;
}

export async function planToPdf(input: PlanPdfInput): Promise<Uint8Array> {
  return renderPdf(planDocument(input));
}

/**
 * Renders a pdfmake document with the bundled Roboto fonts (Latin with Lithuanian and Romanian
 * diacritics, and Cyrillic), fetching and reading nothing. Shared by every PDF RedCard makes.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Uint8Array> {
  loadFonts();
  // pdfmake is one shared instance: set our fonts and deny every URL and local file for this
  // document, then put back what was there. createPdf reads these synchronously.
  const node = pdfMake as unknown as PdfMakeNode;
  const saved = { url: node.urlAccessPolicy, local: node.localAccessPolicy, fonts: pdfMake.fonts };
  pdfMake.setFonts({ Roboto: { ...FONT_FILES } });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  let created: ReturnType<typeof pdfMake.createPdf>;
  try {
    created = pdfMake.createPdf(doc);
  } finally {
    node.urlAccessPolicy = saved.url;
    node.localAccessPolicy = saved.local;
    pdfMake.setFonts(saved.fonts);
  }
  const buffer = await created.getBuffer();

  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The document definition (exported for tests and for a preview). */
export function planDocument(input: PlanPdfInput): TDocumentDefinitions {
  // pdfmake rewrites the content it is given (list items become objects): hand it copies only.
  const plan = structuredClone(input.plan);
  const clientName = input.clientName;
  const m = (minor: number) => formatMoney(minor, plan.money.currency);
  const content: Content[] = [];

  // Header: client, path, dates.
  content.push({ text: `Exit plan: ${clientName}`, style: 'title' });
  if (input.providerName) content.push({ text: `For ${input.providerName}`, style: 'muted' });
  content.push({ text: PATH_WORDS[plan.path], style: 'path' });
  const blockedWords = 'not yet: check the contract first (C1, C3)';
  content.push(
    keyValues([
      ['Plan made on', plan.today],
      ['Tell the client', plan.tell_client_on ?? (plan.path === 'reassign' ? '—' : blockedWords)],
      ['Work ends', plan.work_ends_on ?? (plan.path === 'reassign' ? 'no end: the client moves to another manager' : 'not yet scheduled')],
      ['Lawyer first', plan.lawyer_first ? 'yes' : 'no'],
      ...(plan.reassign_from ? ([['Moved away from', plan.reassign_from]] as Array<[string, string]>) : []),
    ]),
  );
  if (plan.lawyer_reasons.length > 0) {
    content.push({ text: 'Why a lawyer looks first', style: 'h2' });
    content.push({ ul: plan.lawyer_reasons.map((r) => `${r.text} (${r.rule})`) });
  }

  // Contract check.
  const c = plan.contract_check;
  content.push({ text: 'Contract check', style: 'h2' });
  const may = c.written ? (c.may_terminate === null ? 'unknown' : c.may_terminate ? 'yes' : 'no') : 'no written contract';
  const noticeUsed = c.notice_used && !c.notice ? ` (the plan uses ${describeNotice(c.notice_used)}, X1)` : '';
  content.push(
    keyValues([
      ['You may end it', may],
      ['Notice', `${c.notice ? describeNotice(c.notice) : 'none recorded'}${noticeUsed}`],
      ['Penalty', c.penalty ? `${m(c.penalty.amount_minor)}${c.penalty.description ? `: ${c.penalty.description}` : ''}` : 'none'],
      ['Contract ends', c.ends ?? '—'],
    ]),
  );
  if (c.to_find_out.length > 0) {
    content.push({ text: 'To find out first', style: 'h3' });
    content.push({ ul: c.to_find_out });
  }

  // Steps as a checklist.
  content.push({ text: 'Steps', style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [12, 62, '*', 60, 28],
      body: [
        [header(''), header('Due'), header('Step'), header('Owner'), header('Rule')],
        ...plan.steps.map((s): TableCell[] => [checkbox(s.done), s.due ?? 'after the check', s.title, s.owner, s.rule]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  });

  // Handover inventory and referral.
  content.push({ text: 'Handover: access to transfer or revoke (X9)', style: 'h2' });
  content.push({
    text: 'Record which access exists and its state; never write a password here.',
    style: 'muted',
  });
  content.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 60, 80],
      body: [
        [header('Access'), header('Exists'), header('State')],
        ...plan.handover.access.map((a): TableCell[] => [
          a.kind.replaceAll('_', ' '),
          a.exists === null ? '?' : a.exists ? 'yes' : 'no',
          a.state.replaceAll('_', ' '),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  });
  content.push({ text: 'Referral (X8)', style: 'h3' });
  content.push({
    text: `${plan.referral.mode === 'colleague' ? 'Recommend a colleague you have checked.' : 'Resources only, not a colleague.'} ${plan.referral.reasons.join(' ')}`,
  });

  // Money.
  const money = plan.money;
  content.push({ text: `Money (${money.currency})`, style: 'h2' });
  content.push({
    table: {
      widths: ['*', 90, '*'],
      body: [
        ['Owed to you', amount(m(money.owed_to_you_minor)), money.overdue_minor > 0 ? `${m(money.overdue_minor)} overdue` : ''],
        ['Late-payment interest', amount(m(money.interest_minor)), money.interest_rule?.law ?? ''],
        [
          'Recovery compensation',
          amount(m(money.compensation_minor)),
          money.compensation_minor > 0 ? 'EUR 40 per late invoice (Directive 2011/7/EU art. 6)' : '',
        ],
        ['Refund to the client', amount(m(money.refund_minor)), 'prepaid work not done (X10)'],
        ['Final invoice', amount(m(money.final_invoice_minor)), 'work done and not billed (X10)'],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  });
  const invoices = money.per_invoice.filter((i) => i.owed_minor > 0 || i.interest_minor > 0 || i.compensation_minor > 0);
  if (invoices.length > 0) {
    content.push({ text: 'Invoices', style: 'h3' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 58, 70, 40, 62, 50],
        body: [
          [
            header('Number'),
            header('Due'),
            header('Owed', 'right'),
            header('Days late', 'right'),
            header('Interest', 'right'),
            header('Rates'),
          ],
          ...invoices.map((i): TableCell[] => [
            i.number,
            i.due,
            amount(m(i.owed_minor)),
            amount(String(i.days_overdue)),
            amount(m(i.interest_minor)),
            [...new Set(i.interest_segments.map((s) => formatRate(s.rate_bp)))].join(', '),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  if (money.per_engagement.length > 0) {
    content.push({ text: 'Settlement per engagement', style: 'h3' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 40, 70, 70, '*'],
        body: [
          [header('Engagement'), header('Done'), header('Refund', 'right'), header('Final invoice', 'right'), header('Basis')],
          ...money.per_engagement.map((e): TableCell[] => [
            e.name,
            e.share_done_percent === null ? '—' : `${e.share_done_percent}%`,
            amount(m(e.refund_minor)),
            amount(m(e.final_invoice_minor)),
            e.basis,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  if (money.interest_rule) {
    content.push({
      text: `Interest: ${money.interest_rule.law}. Rates: ${money.interest_rule.rate_source} (${money.interest_rule.day_count}; known until ${money.interest_rule.rates_known_until}).`,
      style: 'small',
    });
  }
  if (money.notes.length > 0) content.push({ ul: money.notes, style: 'small' });

  // Collection schedule.
  if (plan.collection && plan.collection.length > 0) {
    content.push({ text: 'Collection schedule', style: 'h2' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [58, '*'],
        body: [
          [header('Date'), header('Step')],
          ...plan.collection.map((s): TableCell[] => [
            s.due,
            {
              stack: [
                { text: s.title, bold: true },
                ...(s.deadline ? [`Payment deadline: ${s.deadline}`] : []),
                { text: s.about, style: 'small' },
              ],
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    });
  }

  // Warnings.
  if (plan.warnings.length > 0) {
    content.push({ text: 'Warnings', style: 'h2' });
    content.push({ ul: plan.warnings, color: '#8a1c1c' });
  }

  return {
    info: {
      title: `Exit plan: ${clientName}`,
      author: 'RedCard',
      subject: 'Exit plan (template, not legal advice)',
      creator: 'RedCard',
      producer: 'RedCard (pdfmake)',
      creationDate: input.now,
      modDate: input.now,
    },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    footer: (currentPage: number, pageCount: number): Content => ({
      columns: [
        { text: NOT_LEGAL_ADVICE_FOOTER, width: '*' },
        { text: `${currentPage} / ${pageCount}`, width: 40, alignment: 'right' },
      ],
      margin: [40, 15, 40, 0],
      fontSize: 8,
      color: '#555555',
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      path: { fontSize: 11, bold: true, margin: [0, 6, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      muted: { color: '#555555' },
      small: { fontSize: 8, color: '#333333', margin: [0, 3, 0, 0] },
      th: { bold: true },
    },
  };
}

function header(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, style: 'th', alignment };
}

function amount(text: string): TableCell {
  return { text, alignment: 'right' };
}

/** A box to tick on paper (drawn, so it does not depend on a glyph the font may lack). */
function checkbox(done: boolean): TableCell {
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: 8, h: 8, lineWidth: 0.7 },
      ...(done
        ? [
            {
              type: 'polyline' as const,
              points: [
                { x: 1.5, y: 6 },
                { x: 3.5, y: 8.5 },
                { x: 7, y: 3 },
              ],
              lineWidth: 0.9,
            },
          ]
        : []),
    ],
  };
}

function keyValues(rows: Array<[string, string]>): Content {
  return {
    table: { widths: [110, '*'], body: rows.map(([k, v]): TableCell[] => [{ text: k, bold: true }, v]) },
    layout: 'noBorders',
  };
}
