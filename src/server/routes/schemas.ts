/** Path parameters and small response shapes shared by the routes. */
import { z } from 'zod';

const param = z.string().min(1).max(100);

export const WsParams = z.object({ ws: param });
export const ClientParams = z.object({ ws: param, clientId: param });
export const ItemParams = z.object({ ws: param, id: param });
export const TimeParams = z.object({ ws: param, clientId: param, month: param });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`' });

/** Standard error responses for the OpenAPI document. */
export const errors = {
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

export const NoContent = z.null().describe('No content');
