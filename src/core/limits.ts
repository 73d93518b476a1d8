/** Limits shared by schemas, forms and the server (one place, read by everyone). */
export const LIMITS = {
  nameMax: 200,
  noteMax: 10_000,
  messageTextMax: 100_000,
  searchMax: 200,
  /** Largest evidence file accepted, in bytes (recordings can be large). */
  evidenceFileMaxBytes: 50 * 1024 * 1024,
  /** Largest mail archive or chat export the API accepts for import, in bytes (the CLI streams any size). */
  importFileMaxBytes: 1024 * 1024 * 1024,
  /** Largest case file accepted by import, in bytes. */
  caseFileMaxBytes: 20 * 1024 * 1024,
  /** Largest JSON body the API accepts (case import included). */
  jsonBodyMaxBytes: 20 * 1024 * 1024,
  /** Money: up to 10^13 minor units (100 billion in major units) keeps sums exact in JS numbers. */
  moneyMaxMinor: 10_000_000_000_000,
  listMax: 10_000,
  hoursPerMonthMax: 744,
} as const;
