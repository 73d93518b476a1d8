/**
 * The one error model of RedCard. Every expected failure is a DomainError with a stable code;
 * the HTTP face maps codes to statuses (src/server/errors.ts) and the CLI to exit codes.
 * `message` is for logs; `userMessage` is safe to show to the person using RedCard.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'METHOD_NOT_ALLOWED',
  'INVALID_CASE_FILE',
  'WORKSPACE_NOT_FOUND',
  'CLIENT_NOT_FOUND',
  'CLIENT_AMBIGUOUS',
  'ENGAGEMENT_NOT_FOUND',
  'INVOICE_NOT_FOUND',
  'PAYMENT_NOT_FOUND',
  'INCIDENT_NOT_FOUND',
  'CARD_NOT_FOUND',
  'MESSAGE_NOT_FOUND',
  'EVIDENCE_NOT_FOUND',
  'EXIT_PLAN_NOT_FOUND',
  'EXIT_STEP_NOT_FOUND',
  'HANDOVER_ITEM_NOT_FOUND',
  'IMPORT_NOT_FOUND',
  'SUGGESTION_NOT_FOUND',
  'SUPPRESSION_NOT_FOUND',
  'NOT_FOUND',
  'DUPLICATE_CLIENT',
  'DUPLICATE_INVOICE',
  'EVIDENCE_LOCKED',
  'INVALID_TRANSITION',
  'ESCALATION_STEP_REQUIRED',
  'SUGGESTION_ALREADY_DECIDED',
  'PAYMENT_EXCEEDS_INVOICE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'STORE_BUSY',
  'INTERNAL',
  // letter drafts (issue 6)
  'LETTER_DRAFT_NOT_FOUND',
  'LETTER_VERSION_NOT_FOUND',
  // reflection, lessons and screening (issue 8)
  'CLIENT_NOT_ENDED',
  'LESSON_NOT_FOUND',
  'PROSPECT_NOT_FOUND',
  'PROSPECT_FORM_NOT_FOUND',
  'PROSPECT_FORM_EXPIRED',
  'PROSPECT_FORM_USED',
  // clause-reports: staff reports (issue 7) and role checks
  'STAFF_REPORT_NOT_FOUND',
  'STAFF_REPORT_ALREADY_DECIDED',
  'FORBIDDEN',
  // team mode (accounts, workspaces with roles)
  'UNAUTHENTICATED',
  'ORIGIN_REJECTED',
  'RATE_LIMITED',
  'INVITATION_INVALID',
  'MEMBER_NOT_FOUND',
  'LAST_OWNER',
  'ACCOUNT_EXISTS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One precise problem with an input: where (a dotted path) and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    userMessage: string,
    options: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = userMessage;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Exhaustiveness guard for switches over string-literal unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
