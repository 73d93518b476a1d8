/** Imports of mail archives and chat exports into a client's record (issue 3). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getImport, listImports } from '../../app/imports.js';
import { id } from '../../contracts/common.js';
import { IMPORT_FILE_FORMATS, Import, ImportList } from '../../contracts/imports.js';
import { DomainError } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { ServerDeps } from '../context.js';
import { acceptUpload, settleRunningImports } from '../import-uploads.js';
import { errors, ItemParams, Problem, WsParams } from './schemas.js';

const ImportListQuery = z.strictObject({ client: id });

function textField(fields: Record<string, unknown>, name: string): string | undefined {
  const field = fields[name];
  if (field === undefined || Array.isArray(field)) return undefined;
  const value = (field as { type?: string; value?: unknown }).type === 'field' ? (field as { value: unknown }).value : undefined;

  return typeof value === 'string' ? value.trim() : undefined;
}

export function importRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['imports'];
    // Background imports finish (or fail) before the store they write to is closed.
    app.addHook('onClose', async () => settleRunningImports());

    app.post(
      '/api/workspaces/:ws/imports',
      {
        schema: {
          tags,
          summary: "Import a mail archive or chat export into a client's record",
          description:
            `multipart/form-data: the text field \`client\` (the client's id, required) and optionally \`format\` (${IMPORT_FILE_FORMATS.join(', ')}; detected when absent), ` +
            'sent before the file part `file`. The upload is kept in a temporary file (over the size limit: 413, nothing stored) and imported in the background: ' +
            'poll GET .../imports/{id}. Messages already stored for the client (same Message-ID, or same sender, time and text) are not stored again.',
          consumes: ['multipart/form-data'],
          params: WsParams,
          response: { 202: Import, 413: Problem, 415: Problem, ...errors },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".');
        }
        // One byte over the limit reaches acceptUpload, which refuses it with FILE_TOO_LARGE and the limit
        // (the plugin's own limit is the evidence one, and it would cut the file silently here).
        const maxBytes = deps.settings.importMaxBytes ?? LIMITS.importFileMaxBytes;
        const part = await req.file({ throwFileSizeLimit: false, limits: { fileSize: maxBytes + 1 } });
        if (part?.fieldname !== 'file') {
          throw new DomainError('VALIDATION_FAILED', 'Invalid import: file: send the file in a field named "file" after the other fields', {
            issues: [{ path: 'file', message: 'is required' }],
          });
        }
        const clientId = textField(part.fields, 'client');
        if (clientId === undefined || !id.safeParse(clientId).success) {
          part.file.resume();
          throw new DomainError(
            'VALIDATION_FAILED',
            `Invalid import: client: ${clientId === undefined ? 'is required (send it before the file)' : 'must be an id (UUID)'}`,
            {
              issues: [{ path: 'client', message: clientId === undefined ? 'is required' : 'must be an id (UUID)' }],
            },
          );
        }
        const format = textField(part.fields, 'format');
        const record = await acceptUpload(deps, {
          workspaceId: req.params.ws,
          clientId,
          format: format === '' ? undefined : format,
          fileName: part.filename || 'upload',
          content: part.file,
        });

        return reply.code(202).send(record);
      },
    );

    app.get(
      '/api/workspaces/:ws/imports/:id',
      {
        schema: {
          tags,
          summary: 'One import: status, counts (they move while it runs) and problems',
          params: ItemParams,
          response: { 200: Import, ...errors },
        },
      },
      async (req) => getImport(deps, req.params.ws, req.params.id),
    );

    app.get(
      '/api/workspaces/:ws/imports',
      {
        schema: {
          tags,
          summary: "A client's imports, newest first",
          params: WsParams,
          querystring: ImportListQuery,
          response: { 200: ImportList, ...errors },
        },
      },
      async (req) => ({ items: await listImports(deps, req.params.ws, req.query.client) }),
    );
  };
}
