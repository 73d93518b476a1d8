/**
 * The assessment's API contract (src/contracts/assessment.ts) mirrors the core's type, checked at
 * the type level both ways and at run time on every demo case: the schema the server serialises
 * with neither rejects nor drops anything `assess` produces.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { Assessment } from '../contracts/assessment.js';
import { CaseFile } from '../contracts/case-file.js';
import { assess } from '../core/assessment/assess.js';
import type { Assessment as CoreAssessment, Score0to100 } from '../core/assessment/types.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';

/** The core brands its scores; the wire carries plain numbers. */
type Unbrand<T> = T extends Score0to100
  ? number
  : T extends ReadonlyArray<infer U>
    ? Unbrand<U>[]
    : T extends object
      ? { [K in keyof T]: Unbrand<T[K]> }
      : T;

describe('the assessment contract', () => {
  it('has the shape of the core type, both ways', () => {
    expectTypeOf<CoreAssessment>().toExtend<z.input<typeof Assessment>>();
    expectTypeOf<z.output<typeof Assessment>>().toExtend<Unbrand<CoreAssessment>>();
    expectTypeOf<Unbrand<CoreAssessment>>().toExtend<z.output<typeof Assessment>>();
  });

  it('carries every demo assessment unchanged', () => {
    for (const raw of loadDemoCases()) {
      const file = CaseFile.parse(raw);
      const a = assess(file, { today: file.today ?? '2026-11-22' });
      expect(Assessment.parse(a)).toEqual(a);
      expect(Object.keys(Assessment.parse(a)).sort()).toEqual(Object.keys(a).sort());
    }
  });
});
