/** Planning the exit: dates, lawyer check, steps, handover, referral, money and collection. */

export * from './collection.js';
export * from './notice.js';
export * from './plan.js';
export * from './saved.js';
export * from './types.js';
