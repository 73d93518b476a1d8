/**
 * Staff reports (issue 7): file one about a client, the queue, and the decisions. The acting user
 * comes from principalOf(request) (solo mode: the owner); the use cases enforce who may do what,
 * so a member's confirm, answer or share is a 403 problem with code FORBIDDEN.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addStaffReportFile,
  answerStaffReport,
  confirmStaffReport,
  fileStaffReport,
  getStaffReport,
  listStaffReports,
  shareStaffReport,
} from '../../app/staff-reports.js';
import {
  AnswerStaffReportInput,
  ConfirmedStaffReport,
  ConfirmStaffReportInput,
  ShareStaffReportInput,
  StaffReport,
  StaffReportInput,
  StaffReportList,
  StaffReportQuery,
} from '../../contracts/staff-reports.js';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps } from '../context.js';
import { principalOf } from '../principal.js';
import { ClientParams, errors, ItemParams, Problem, WsParams } from './schemas.js';

const withForbidden = { ...errors, 403: Problem };

export function staffReportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['staff reports'];

    app.post(
      '/api/workspaces/:ws/clients/:clientId/staff-reports',
      {
        schema: {
          tags,
          summary: 'File a report about a client (any role): what happened, when, red-flag codes, evidence',
          params: ClientParams,
          body: StaffReportInput,
          response: { 201: StaffReport, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await fileStaffReport(deps, principalOf(req), req.params.ws, req.params.clientId, req.body)),
    );

    app.get(
      '/api/workspaces/:ws/clients/:clientId/staff-reports',
      {
        schema: {
          tags,
          summary: "A client's reports the caller may see, with the D5 hint (reporters the client's incidents involve)",
          params: ClientParams,
          querystring: StaffReportQuery,
          response: { 200: StaffReportList, ...errors },
        },
      },
      async (req) => listStaffReports(deps, principalOf(req), req.params.ws, { clientId: req.params.clientId, query: req.query }),
    );

    app.get(
      '/api/workspaces/:ws/staff-reports',
      {
        schema: {
          tags,
          summary: 'The queue: every report for managers and owners (open first), own and shared ones for members',
          params: WsParams,
          querystring: StaffReportQuery,
          response: { 200: StaffReportList, ...errors },
        },
      },
      async (req) => listStaffReports(deps, principalOf(req), req.params.ws, { query: req.query }),
    );

    app.get(
      '/api/workspaces/:ws/staff-reports/:id',
      {
        schema: {
          tags,
          summary: 'One report (404 for a member who may not see it)',
          params: ItemParams,
          response: { 200: StaffReport, ...errors },
        },
      },
      async (req) => getStaffReport(deps, principalOf(req), req.params.ws, req.params.id),
    );

    app.post(
      '/api/workspaces/:ws/staff-reports/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm as an incident (manager, owner): the reporter becomes the member involved (D5), the evidence is attached',
          params: ItemParams,
          body: ConfirmStaffReportInput,
          response: { 200: ConfirmedStaffReport, ...withForbidden },
        },
      },
      async (req) => confirmStaffReport(deps, principalOf(req), req.params.ws, req.params.id, req.body),
    );

    app.post(
      '/api/workspaces/:ws/staff-reports/:id/answer',
      {
        schema: {
          tags,
          summary: 'Answer the report instead of confirming it (manager, owner)',
          params: ItemParams,
          body: AnswerStaffReportInput,
          response: { 200: StaffReport, ...withForbidden },
        },
      },
      async (req) => answerStaffReport(deps, principalOf(req), req.params.ws, req.params.id, req.body),
    );

    app.post(
      '/api/workspaces/:ws/staff-reports/:id/share',
      {
        schema: {
          tags,
          summary: 'Show the report and its decision to every member, or stop (manager, owner)',
          params: ItemParams,
          body: ShareStaffReportInput,
          response: { 200: StaffReport, ...withForbidden },
        },
      },
      async (req) => shareStaffReport(deps, principalOf(req), req.params.ws, req.params.id, req.body),
    );

    app.post(
      '/api/workspaces/:ws/staff-reports/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Attach a file to an open report (its reporter, a manager or the owner)',
          description:
            'multipart/form-data with one file in the field `file`. The file is stored by its SHA-256 now and entered in the evidence hash chain when the report is confirmed, under the new incident.',
          consumes: ['multipart/form-data'],
          params: ItemParams,
          response: { 201: StaffReport, 413: Problem, 415: Problem, ...withForbidden },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".');
        const part = await req.file();
        if (part?.fieldname !== 'file') {
          throw new DomainError('VALIDATION_FAILED', 'Invalid evidence: file: send the file in a field named "file"', {
            issues: [{ path: 'file', message: 'is required' }],
          });
        }
        const report = await addStaffReportFile(deps, principalOf(req), {
          workspaceId: req.params.ws,
          reportId: req.params.id,
          fileName: part.filename,
          mediaType: part.mimetype,
          content: part.file,
          maxBytes: deps.settings.evidenceMaxBytes,
        });

        return reply.code(201).send(report);
      },
    );
  };
}
