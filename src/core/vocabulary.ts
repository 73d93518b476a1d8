/**
 * RedCard's fixed vocabulary, from ../shared/DOMAIN.md. These lists are the single source for
 * schemas (src/contracts), the store's checks, the UI's selects and the translations.
 */

/** Red-flag codes, DOMAIN.md section 1. The first eleven can be seen in what a client writes. */
export const MESSAGE_RED_FLAG_CODES = [
  'abuse',
  'payment',
  'price_pressure',
  'urgency_pressure',
  'availability_demands',
  'scope_creep',
  'disregard_expertise',
  'unlawful',
  'contract_breach',
  'reputation_threat',
  'negativity',
] as const;

/** The last four come from records and from the user's own judgement. */
export const RECORD_RED_FLAG_CODES = ['unprofitable', 'misfit', 'wellbeing', 'staff_report'] as const;

export const RED_FLAG_CODES = [...MESSAGE_RED_FLAG_CODES, ...RECORD_RED_FLAG_CODES] as const;
export type RedFlagCode = (typeof RED_FLAG_CODES)[number];

/** 1 minor, 2 serious, 3 grave ("serious" in DOMAIN.md section 7 means 2 or 3). */
export const SEVERITIES = [1, 2, 3] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_SOURCES = ['manual', 'detected', 'staff_report'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const CARD_COLORS = ['yellow', 'red'] as const;
export type CardColor = (typeof CARD_COLORS)[number];

export const ENGAGEMENT_KINDS = ['long_term', 'recurring_small', 'one_off'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const NOTICE_UNITS = ['days', 'business_days', 'months'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];

export const CLIENT_KINDS = ['individual', 'business'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const CLIENT_SIZES = ['small', 'large'] as const;
export type ClientSize = (typeof CLIENT_SIZES)[number];

export const PROVIDER_KINDS = ['freelancer', 'agency'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Languages RedCard speaks (UI, letters, detection). */
export const LANGUAGES = ['en', 'ru', 'ro', 'lt'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGE_SENDERS = ['client', 'provider'] as const;
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

export const MESSAGE_CHANNELS = ['email', 'chat', 'phone', 'meeting', 'other'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Relationship status. The escalation state machine (issue 4) moves clients through these;
 * for now they are set directly.
 */
export const CLIENT_STATUSES = ['active', 'watch', 'warned', 'reassigned', 'exiting', 'ended', 'closed'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
