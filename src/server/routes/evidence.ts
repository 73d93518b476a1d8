/** Evidence files on incidents, their download, and the verification of the hash chain. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { addEvidence, getEvidenceFile, verifyEvidence } from '../../app/evidence.js';
import { ChainReport, EvidenceEntry } from '../../contracts/records.js';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps } from '../context.js';
import { errors, ItemParams, Problem, WsParams } from './schemas.js';

export function evidenceRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['evidence'];
    app.post(
      '/api/workspaces/:ws/incidents/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Attach an evidence file to an incident',
          description:
            "multipart/form-data with one file in the field `file` and an optional text field `note` sent before it. The file is stored by its SHA-256 and appended to the workspace's hash chain.",
          consumes: ['multipart/form-data'],
          params: ItemParams,
          response: { 201: EvidenceEntry, 413: Problem, 415: Problem, ...errors },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".');
        }
        const part = await req.file();
        if (part?.fieldname !== 'file') {
          throw new DomainError('VALIDATION_FAILED', 'Invalid evidence: file: send the file in a field named "file"', {
            issues: [{ path: 'file', message: 'is required' }],
          });
        }
        const noteField = part.fields.note;
        const note = noteField && !Array.isArray(noteField) && noteField.type === 'field' ? String(noteField.value) : '';
        const entry = await addEvidence(deps, {
          workspaceId: req.params.ws,
          incidentId: req.params.id,
          fileName: part.filename,
          mediaType: part.mimetype,
          note,
          content: part.file,
          maxBytes: deps.settings.evidenceMaxBytes,
        });

        return reply.code(201).send(entry);
      },
    );

    app.get(
      '/api/workspaces/:ws/evidence/:id/file',
      {
        schema: {
          tags,
          summary: 'Download an evidence file',
          params: ItemParams,
          response: { 200: z.unknown().describe('the file, as a download'), 404: Problem },
        },
      },
      async (req, reply) => {
        const { entry, path } = await getEvidenceFile(deps, req.params.ws, req.params.id);
        await stat(path).catch(() => {
          throw new DomainError('EVIDENCE_NOT_FOUND', 'The evidence file is missing from the evidence directory.');
        });
        // Always a download, never rendered in the browser: evidence is untrusted content.
        const asciiName = entry.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

        return reply
          .header('content-type', entry.media_type)
          .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(entry.file_name)}`)
          .header('x-evidence-sha256', entry.file_sha256)
          .send(createReadStream(path));
      },
    );

    app.get(
      '/api/workspaces/:ws/evidence/verify',
      {
        schema: {
          tags,
          summary: 'Verify the evidence hash chain and every file',
          description:
            'Reports each altered, missing or reordered entry and each missing or altered file. `ok` is true for an untouched store.',
          params: WsParams,
          response: { 200: ChainReport, ...errors },
        },
      },
      async (req) => verifyEvidence(deps, req.params.ws),
    );
  };
}
