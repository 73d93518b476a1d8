/**
 * The plan's API contract (src/contracts/plan.ts) mirrors the core's ExitPlan, checked at the type
 * level both ways and at run time on every demo case and path; and the path is chosen from the
 * assessment as documented in plan-client.ts.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { CaseFile } from '../contracts/case-file.js';
import { ExitPlan } from '../contracts/plan.js';
import { assess } from '../core/assessment/assess.js';
import type { Assessment } from '../core/assessment/types.js';
import { isDomainError } from '../core/errors.js';
import { type ExitPlan as CoreExitPlan, EXIT_PATHS, planExit } from '../core/exit/index.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { fileStem, pathFromAssessment } from './plan-client.js';

const files = loadDemoCases().map((raw) => CaseFile.parse(raw));

describe('the plan contract', () => {
  it('has the shape of the core type, both ways', () => {
    expectTypeOf<CoreExitPlan>().toExtend<z.input<typeof ExitPlan>>();
    expectTypeOf<z.output<typeof ExitPlan>>().toExtend<CoreExitPlan>();
    expectTypeOf<CoreExitPlan>().toExtend<z.output<typeof ExitPlan>>();
  });

  it('carries every demo plan on every path unchanged', () => {
    for (const file of files) {
      for (const path of EXIT_PATHS) {
        const plan = planExit(file, { today: '2026-11-22', path });
        expect(ExitPlan.parse(plan)).toEqual(plan);
      }
    }
  });
});

describe('pathFromAssessment', () => {
  const assessed = files.map((f) => ({ name: f.client.name, a: assess(f, { today: '2026-11-22' }) }));
  const find = (pred: (a: Assessment) => boolean) => assessed.find((x) => pred(x.a))!.a;

  it("takes the red card's path", () => {
    for (const { a } of assessed.filter((x) => x.a.recommendation === 'red_card')) expect(pathFromAssessment(a)).toBe(a.path);
    expect(assessed.filter((x) => x.a.recommendation === 'red_card').map((x) => x.a.path)).toEqual(
      expect.arrayContaining(['immediate', 'stop_and_collect', 'finish_then_exit']),
    );
  });

  it('plans a reassignment when the assessment recommends one', () => {
    expect(pathFromAssessment(find((a) => a.recommendation === 'reassign'))).toBe('reassign');
  });

  it.each(['keep', 'watch', 'yellow_card'] as const)('asks for a path when the assessment says %s', (recommendation) => {
    const a = find((x) => x.recommendation === recommendation);
    try {
      pathFromAssessment(a);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('VALIDATION_FAILED');
      expect(isDomainError(error) && error.issues.map((i) => i.path)).toEqual(['path']);
    }
  });
});

describe('fileStem', () => {
  it('keeps letters of any script and joins words with dashes', () => {
    expect(fileStem('MB „Žalias kiemas“')).toBe('mb-žalias-kiemas');
    expect(fileStem('SIA «Балтийские окна»')).toBe('sia-балтийские-окна');
    expect(fileStem('Brightline Fitness Ltd.')).toBe('brightline-fitness-ltd');
    expect(fileStem('«»')).toBe('client');
  });
});
