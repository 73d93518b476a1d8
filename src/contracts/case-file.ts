/**
 * The portable case file, version 1 (../shared/CASE_FORMAT.md): one client's whole story.
 * Unknown fields are rejected (strict objects); missing optional fields take the documented defaults.
 */
import { z } from 'zod';
import { LIMITS } from '../core/limits.js';
import {
  CARD_COLORS,
  CLIENT_KINDS,
  CLIENT_SIZES,
  ENGAGEMENT_KINDS,
  INCIDENT_SOURCES,
  MESSAGE_CHANNELS,
  MESSAGE_SENDERS,
  NOTICE_UNITS,
  PROVIDER_KINDS,
} from '../core/vocabulary.js';
import {
  countryCode,
  currency,
  freeText,
  isoDate,
  isoInstant,
  isoMonth,
  moneyMinor,
  name,
  note,
  positiveMoneyMinor,
  timeZone,
} from './common.js';
import { language, redFlagCode, severity } from './records.js';

export const CASE_FORMAT_V1 = 'redcard.case/1';

const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listMax).default([]);

export const CaseProvider = z.strictObject({
  name: name.optional(),
  kind: z.enum(PROVIDER_KINDS).default('freelancer'),
  language: language.optional(),
  currency: currency.default('EUR'),
  jurisdiction: countryCode.nullable().optional(),
  revenue_last_12m_minor: moneyMinor.nullable().optional(),
});

export const CaseClient = z.strictObject({
  name,
  kind: z.enum(CLIENT_KINDS).default('business'),
  size: z.enum(CLIENT_SIZES).default('small'),
  language: language.default('en'),
  since: isoDate.nullable().optional(),
  manager: name.nullable().optional(),
});

export const CaseContract = z.strictObject({
  signed: isoDate.nullable().optional(),
  ends: isoDate.nullable().optional(),
  provider_may_terminate: z.boolean().nullable().default(null),
  notice: z
    .strictObject({ amount: z.number().int().min(1).max(3650), unit: z.enum(NOTICE_UNITS) })
    .nullable()
    .optional(),
  penalty: z
    .strictObject({ amount_minor: moneyMinor, description: note.default('') })
    .nullable()
    .optional(),
  refund_clause: z.boolean().default(false),
});

export const CaseDeliverable = z.strictObject({
  name,
  due: isoDate.nullable().optional(),
  done: z.boolean().default(false),
  percent_done: z.number().int().min(0).max(100).default(0),
});

export const CaseEngagement = z.strictObject({
  name,
  kind: z.enum(ENGAGEMENT_KINDS).default('one_off'),
  price_minor: moneyMinor.default(0),
  prepaid_minor: moneyMinor.default(0),
  deliverables: list(CaseDeliverable),
});

export const CasePayment = z.strictObject({ date: isoDate, amount_minor: positiveMoneyMinor });

export const CaseInvoice = z
  .strictObject({
    number: name,
    issued: isoDate,
    due: isoDate,
    amount_minor: positiveMoneyMinor,
    payments: list(CasePayment),
  })
  .superRefine((inv, ctx) => {
    if (inv.due < inv.issued) ctx.addIssue({ code: 'custom', path: ['due'], message: 'must not be before the issue date' });
    const paid = inv.payments.reduce((sum, p) => sum + p.amount_minor, 0);
    if (paid > inv.amount_minor) {
      ctx.addIssue({ code: 'custom', path: ['payments'], message: `add up to ${paid}, more than the invoice amount ${inv.amount_minor}` });
    }
  });

export const CaseTime = z.strictObject({ month: isoMonth, hours: z.number().min(0).max(LIMITS.hoursPerMonthMax) });

export const CaseIncident = z.strictObject({
  date: isoDate,
  code: redFlagCode,
  severity: severity.default(2),
  source: z.enum(INCIDENT_SOURCES).default('manual'),
  about_member: name.nullable().optional(),
  note: note.default(''),
});

export const CaseMessage = z.strictObject({
  sent_at: isoInstant,
  from: z.enum(MESSAGE_SENDERS).default('client'),
  channel: z.enum(MESSAGE_CHANNELS).default('email'),
  subject: freeText(LIMITS.nameMax).nullable().optional(),
  text: freeText(LIMITS.messageTextMax).refine((s) => s.length > 0, { message: 'must not be empty' }),
});

export const CaseCard = z.strictObject({ date: isoDate, color: z.enum(CARD_COLORS), note: note.default('') });

/** A dated reassignment (D5); an extension of version 1 that older files simply leave out. */
export const CaseReassignment = z.strictObject({
  date: isoDate,
  from_member: name.nullable().optional(),
  to_member: name.nullable().optional(),
});

export const CaseFile = z
  .strictObject({
    format: z.literal(CASE_FORMAT_V1, { message: `must be "${CASE_FORMAT_V1}"` }),
    today: isoDate.optional(),
    timezone: timeZone.default('UTC'),
    provider: CaseProvider.default({ kind: 'freelancer', currency: 'EUR' }),
    client: CaseClient,
    contract: CaseContract.nullable().default(null),
    engagements: list(CaseEngagement),
    invoices: list(CaseInvoice),
    time: list(CaseTime),
    incidents: list(CaseIncident),
    messages: list(CaseMessage),
    cards: list(CaseCard),
    reassigned: z.boolean().default(false),
    reassignments: list(CaseReassignment),
  })
  .superRefine((file, ctx) => {
    const numbers = new Map<string, number>();
    file.invoices.forEach((inv, i) => {
      const first = numbers.get(inv.number);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['invoices', i, 'number'],
          message: `repeats invoice number "${inv.number}" of invoices[${first}]`,
        });
      } else numbers.set(inv.number, i);
    });
    if (file.reassignments.length > 0 && !file.reassigned) {
      ctx.addIssue({ code: 'custom', path: ['reassigned'], message: 'must be true when reassignments are listed' });
    }
    const months = new Set<string>();
    file.time.forEach((t, i) => {
      if (months.has(t.month)) ctx.addIssue({ code: 'custom', path: ['time', i, 'month'], message: `repeats month ${t.month}` });
      months.add(t.month);
    });
  });

/** A validated case file, defaults applied. */
export type CaseFile = z.infer<typeof CaseFile>;
/** What a case file may look like on the way in (before defaults). */
export type CaseFileInput = z.input<typeof CaseFile>;
