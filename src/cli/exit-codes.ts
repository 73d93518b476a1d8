/** The CLI's exit codes, from the same error codes the API maps to HTTP statuses. */
import type { ErrorCode } from '../core/errors.js';

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalid: 3,
  notFound: 4,
  conflict: 5,
  /** `evidence verify` found the log or a file altered. */
  tampered: 6,
} as const;

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_CASE_FILE':
    case 'MALFORMED_REQUEST':
    case 'PAYMENT_EXCEEDS_INVOICE':
    case 'FILE_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return EXIT.invalid;
    case 'WORKSPACE_NOT_FOUND':
    case 'CLIENT_NOT_FOUND':
    case 'ENGAGEMENT_NOT_FOUND':
    case 'INVOICE_NOT_FOUND':
    case 'PAYMENT_NOT_FOUND':
    case 'INCIDENT_NOT_FOUND':
    case 'CARD_NOT_FOUND':
    case 'MESSAGE_NOT_FOUND':
    case 'EVIDENCE_NOT_FOUND':
    case 'EXIT_PLAN_NOT_FOUND':
    case 'EXIT_STEP_NOT_FOUND':
    case 'HANDOVER_ITEM_NOT_FOUND':
    case 'IMPORT_NOT_FOUND':
    case 'SUGGESTION_NOT_FOUND':
    case 'SUPPRESSION_NOT_FOUND':
    case 'NOT_FOUND':
      return EXIT.notFound;
    case 'CLIENT_AMBIGUOUS':
    case 'DUPLICATE_CLIENT':
    case 'DUPLICATE_INVOICE':
    case 'EVIDENCE_LOCKED':
    case 'INVALID_TRANSITION':
    case 'ESCALATION_STEP_REQUIRED':
    case 'SUGGESTION_ALREADY_DECIDED':
      return EXIT.conflict;
    case 'METHOD_NOT_ALLOWED':
    case 'STORE_BUSY':
    case 'INTERNAL':
      return EXIT.failure;
    case 'AUDIT_FORBIDDEN':
      return EXIT.failure;
  }
}
