/**
 * Reflection after an exit and the workspace's lessons (issue 8, DOMAIN.md A3, A4).
 *
 * - A reflection belongs to a client whose relationship is over (ended or closed); before that
 *   the refusal (CLIENT_NOT_ENDED) points to the escalation steps instead.
 * - Read before anything is saved, it comes prefilled with the first incident's date and code.
 * - Saving replaces the reflection and the lessons written with it, in one transaction; lessons
 *   keep the client's id and name, so they survive the client's deletion.
 */
import { parseOrThrow } from '../contracts/issues.js';
import { type Lesson, LessonInput, LessonQuery, type Reflection, ReflectionRequest } from '../contracts/screening.js';
import { DomainError } from '../core/errors.js';
import { firstSignsOf, REFLECTABLE_STATUSES, searchKey } from '../core/screening/reflection.js';
import { isId, newRow, requireClient, requireWorkspace } from './context.js';
import type { Deps, Repos } from './ports.js';
import type { StoredLesson } from './screening-port.js';

/** More lessons than anyone reads in a list; the search narrows it. */
const LESSONS_LIST_MAX = 500;

function presentLesson(l: StoredLesson): Lesson {
  return { ...l };
}

async function requireEnded(tx: Repos, workspaceId: string, clientId: string) {
  const client = await requireClient(tx, workspaceId, clientId);
  if (!(REFLECTABLE_STATUSES as readonly string[]).includes(client.status)) {
    throw new DomainError(
      'CLIENT_NOT_ENDED',
      `${client.name} is "${client.status}": a reflection is written once the relationship has ended or is closed.`,
      { details: { client_status: client.status } },
    );
  }

  return client;
}

async function readReflection(tx: Repos, workspaceId: string, clientId: string): Promise<Reflection> {
  const client = await requireClient(tx, workspaceId, clientId);
  const first = firstSignsOf(await tx.listIncidents(workspaceId, clientId));
  const saved = await tx.screening.getReflection(workspaceId, clientId);
  if (!saved) {
    return {
      client_id: client.id,
      client_name: client.name,
      saved: false,
      first_signs: '',
      first_signs_on: first?.date ?? null,
      first_signs_code: first?.code ?? null,
      contract_lacked: [],
      contract_note: '',
      do_earlier: '',
      lessons: [],
      first_incident: first,
      updated_at: null,
    };
  }
  const lessons = await tx.screening.listLessons(workspaceId, { reflectionId: saved.id, limit: LESSONS_LIST_MAX });

  return {
    client_id: client.id,
    client_name: client.name,
    saved: true,
    first_signs: saved.first_signs,
    first_signs_on: saved.first_signs_on,
    first_signs_code: saved.first_signs_code,
    contract_lacked: saved.contract_lacked,
    contract_note: saved.contract_note,
    do_earlier: saved.do_earlier,
    // Written order, as the user listed them.
    lessons: lessons.reverse().map(presentLesson),
    first_incident: first,
    updated_at: saved.updated_at,
  };
}

/** The client's reflection, or its prefilled draft when none is saved. */
export async function getReflection(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<Reflection> {
  return readReflection(deps.store, workspaceId, clientId);
}

/** Creates or replaces the reflection of an ended or closed client, with its lessons. */
export async function saveReflection(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Reflection> {
  const data = parseOrThrow(ReflectionRequest, input, 'VALIDATION_FAILED', 'reflection');

  return deps.store.transaction(async (tx) => {
    const client = await requireEnded(tx, workspaceId, clientId);
    const row = newRow(deps);
    const saved = await tx.screening.putReflection(workspaceId, clientId, row, {
      first_signs: data.first_signs,
      first_signs_on: data.first_signs_on,
      first_signs_code: data.first_signs_code,
      contract_lacked: data.contract_lacked,
      contract_note: data.contract_note,
      do_earlier: data.do_earlier,
    });
    await tx.screening.deleteLessonsOfReflection(workspaceId, saved.id);
    // One instant per lesson, a millisecond apart, so "newest first" keeps the written order.
    const base = new Date(row.now).getTime();
    for (const [i, l] of data.lessons.entries()) {
      await tx.screening.insertLessons(workspaceId, new Date(base + i).toISOString(), [
        {
          id: deps.ids.newId(),
          text: l.text,
          codes: l.codes,
          client_id: client.id,
          client_name: client.name,
          reflection_id: saved.id,
          search_key: searchKey(l.text, client.name),
        },
      ]);
    }

    return readReflection(tx, workspaceId, clientId);
  });
}

/** The workspace's lessons, newest first; `q` finds words in the lesson or its client's name, `code` filters. */
export async function listLessons(deps: Pick<Deps, 'store'>, workspaceId: string, query: unknown = {}): Promise<Lesson[]> {
  const data = parseOrThrow(LessonQuery, query, 'VALIDATION_FAILED', 'query');
  await requireWorkspace(deps.store, workspaceId);
  const q = data.q ? searchKey(data.q) : undefined;
  const rows = await deps.store.screening.listLessons(workspaceId, {
    ...(q ? { q } : {}),
    ...(data.code ? { code: data.code } : {}),
    limit: LESSONS_LIST_MAX,
  });

  return rows.map(presentLesson);
}

/** A lesson written on its own (not from a reflection), e.g. after a first call that went wrong. */
export async function addLesson(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, workspaceId: string, input: unknown): Promise<Lesson> {
  const data = parseOrThrow(LessonInput, input, 'VALIDATION_FAILED', 'lesson');

  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    const row = newRow(deps);
    await tx.screening.insertLessons(workspaceId, row.now, [
      {
        id: row.id,
        text: data.text,
        codes: data.codes,
        client_id: null,
        client_name: null,
        reflection_id: null,
        search_key: searchKey(data.text),
      },
    ]);

    return {
      id: row.id,
      text: data.text,
      codes: data.codes,
      client_id: null,
      client_name: null,
      reflection_id: null,
      created_at: row.now,
      updated_at: row.now,
    };
  });
}

export async function deleteLesson(deps: Pick<Deps, 'store'>, workspaceId: string, lessonId: string): Promise<void> {
  const gone = isId(lessonId) && (await deps.store.screening.deleteLesson(workspaceId, lessonId));
  if (!gone) throw new DomainError('LESSON_NOT_FOUND', `No lesson with id ${lessonId} in this workspace.`);
}
