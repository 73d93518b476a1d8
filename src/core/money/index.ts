/** Money for the exit plan: amounts in minor units, owed and interest, refunds and final invoices. */

export * from './interest.js';
export * from './money.js';
export * from './owed.js';
export * from './rates.js';
export * from './settlement.js';
