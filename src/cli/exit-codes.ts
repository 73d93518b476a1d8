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
    // reflection, lessons and screening (issue 8)
    case 'LESSON_NOT_FOUND':
    case 'PROSPECT_NOT_FOUND':
    case 'PROSPECT_FORM_NOT_FOUND':
      return EXIT.notFound;
    case 'CLIENT_NOT_ENDED':
    case 'PROSPECT_FORM_EXPIRED':
    case 'PROSPECT_FORM_USED':
      return EXIT.conflict;
    case 'METHOD_NOT_ALLOWED':
    case 'STORE_BUSY':
    case 'INTERNAL':
      return EXIT.failure;
    // letter drafts (issue 6)
    case 'LETTER_DRAFT_NOT_FOUND':
    case 'LETTER_VERSION_NOT_FOUND':
      return EXIT.notFound;
    // clause-reports
    case 'STAFF_REPORT_NOT_FOUND':
      return EXIT.notFound;
    case 'STAFF_REPORT_ALREADY_DECIDED':
      return EXIT.conflict;
    // team mode
    case 'INVITATION_INVALID':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'ORIGIN_REJECTED':
    case 'RATE_LIMITED':
      return EXIT.failure;
    case 'MEMBER_NOT_FOUND':
      return EXIT.notFound;
    case 'LAST_OWNER':
    case 'ACCOUNT_EXISTS':
      return EXIT.conflict;
  }
}
