/**
 * The one map from error code to HTTP status, and the RFC 9457 problem+json body. Unknown
 * errors become INTERNAL with a generic message: internals never reach the client.
 */
import { DomainError, type ErrorCode, type FieldIssue } from '../core/errors.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  INVALID_CASE_FILE: 422,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  WORKSPACE_NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  CLIENT_AMBIGUOUS: 409,
  ENGAGEMENT_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  CARD_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  EVIDENCE_NOT_FOUND: 404,
  EXIT_PLAN_NOT_FOUND: 404,
  EXIT_STEP_NOT_FOUND: 404,
  HANDOVER_ITEM_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  SUGGESTION_NOT_FOUND: 404,
  SUPPRESSION_NOT_FOUND: 404,
  NOT_FOUND: 404,
  DUPLICATE_CLIENT: 409,
  DUPLICATE_INVOICE: 409,
  EVIDENCE_LOCKED: 409,
  INVALID_TRANSITION: 409,
  ESCALATION_STEP_REQUIRED: 409,
  SUGGESTION_ALREADY_DECIDED: 409,
  PAYMENT_EXCEEDS_INVOICE: 422,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  STORE_BUSY: 503,
  INTERNAL: 500,
  // letter drafts (issue 6)
  LETTER_DRAFT_NOT_FOUND: 404,
  LETTER_VERSION_NOT_FOUND: 404,
  // reflection, lessons and screening (issue 8)
  CLIENT_NOT_ENDED: 409,
  LESSON_NOT_FOUND: 404,
  PROSPECT_NOT_FOUND: 404,
  PROSPECT_FORM_NOT_FOUND: 404,
  PROSPECT_FORM_EXPIRED: 410,
  PROSPECT_FORM_USED: 409,
  // clause-reports
  STAFF_REPORT_NOT_FOUND: 404,
  STAFF_REPORT_ALREADY_DECIDED: 409,
  FORBIDDEN: 403,
  // team mode
  UNAUTHENTICATED: 401,
  ORIGIN_REJECTED: 403,
  RATE_LIMITED: 429,
  INVITATION_INVALID: 410,
  MEMBER_NOT_FOUND: 404,
  LAST_OWNER: 409,
  ACCOUNT_EXISTS: 409,
};

const TITLE_OF: Partial<Record<number, string>> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  403: 'Forbidden',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  422: 'Invalid input',
  401: 'Sign-in required',
  500: 'Internal error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

export function problemOf(error: DomainError): Problem {
  const status = STATUS_OF[error.code];
  const problem: Problem = {
    type: `https://redcard.local/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLE_OF[status] ?? 'Error',
    status,
    detail:
      status >= 500 && error.code === 'INTERNAL' ? 'Something went wrong on our side; nothing was changed. Try again.' : error.userMessage,
    code: error.code,
    ...error.details,
  };
  if (error.issues.length > 0) problem.errors = error.issues;

  return problem;
}

/** Maps Fastify's own errors (bad JSON, body too large, unsupported content type...) to DomainErrors. */
export function fromFrameworkError(
  error: { code?: string; statusCode?: number; message?: string },
  limits: { bodyBytes: number; fileBytes: number },
): DomainError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('MALFORMED_REQUEST', `The request body could not be read: ${error.message ?? 'malformed'}.`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limits.bodyBytes} bytes.`, {
        details: { limit_bytes: limits.bodyBytes },
      });
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError('FILE_TOO_LARGE', `The file is larger than the limit of ${limits.fileBytes} bytes.`, {
        details: { limit_bytes: limits.fileBytes },
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'This content type is not accepted here; send JSON (or multipart/form-data for files).',
      );
    default:
      if (error.statusCode === 404) return new DomainError('NOT_FOUND', 'Nothing here.');
      if (error.statusCode === 405) return new DomainError('METHOD_NOT_ALLOWED', 'This method is not allowed here.');
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new DomainError('MALFORMED_REQUEST', error.message ?? 'The request could not be read.');
      }

      return new DomainError('INTERNAL', 'Internal error', { cause: error });
  }
}
