/** Turns a schema's failure into the precise, field-named issues RedCard reports everywhere. */
import type { z } from 'zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../core/errors.js';

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }

  return out === '' ? '(root)' : out;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys;
      const base = formatPath(issue.path);
      const where = base === '(root)' ? '' : `${base}.`;

      return { path: `${where}${keys.join(`, ${where}`)}`, message: `unknown field${keys.length > 1 ? 's' : ''}: not part of the format` };
    }

    return { path: formatPath(issue.path), message: issue.message };
  });
}

/** Parse or throw a DomainError listing every problem by field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = 'VALIDATION_FAILED',
  what = 'input',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const head = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';

  throw new DomainError(code, `Invalid ${what}: ${head}${more}`, { issues });
}
