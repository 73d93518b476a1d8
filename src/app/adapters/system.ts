/** The real clock and id generator (tests pass fixed ones). */
import { randomUUID } from 'node:crypto';
import type { Clock, Ids } from '../ports.js';

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: Ids = { newId: () => randomUUID() };
