import type { Database } from '../db/database.js';
import { ConsultationError } from './errors.js';
import { maskText } from './mask.js';
import { iso } from './rows.js';
import { createMeetingInput, updateMeetingInput, validate, type CreateMeetingInput, type MeetingKind, type MeetingStatus, type UpdateMeetingInput } from './schemas.js';
import type { Actor, Meeting, MeetingSummary } from './types.js';

interface MeetingRow {
  meeting_id: number;
  title: string;
  meeting_date: string;
  kind: MeetingKind;
  status: MeetingStatus;
  convener: string | null;
  location: string | null;
  period_from: string | null;
  period_to: string | null;
  created_by: string | null;
  created_at: Date;
  [k: string]: unknown;
}

function toMeeting(r: MeetingRow): Meeting {
  return {
    meetingId: r.meeting_id,
    title: r.title,
    date: r.meeting_date,
    kind: r.kind,
    status: r.status,
    convener: r.convener,
    location: r.location,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}

export async function createMeeting(db: Database, input: CreateMeetingInput, { actor }: Actor = {}): Promise<Meeting> {
  const m = validate(createMeetingInput, input);
  const [title, convener, location] = [await maskText(db, m.title), await maskText(db, m.convener), await maskText(db, m.location)];
  const row = await db.transaction(() =>
    db.one<{ meeting_id: number }>('consultation/insert_meeting', {
      title,
      date: m.date,
      kind: m.kind,
      convener,
      location,
      period_from: m.periodFrom ?? null,
      period_to: m.periodTo ?? null,
      actor: actor ?? null,
    }),
  );
  return requireMeeting(db, row!.meeting_id);
}

export async function listMeetings(db: Database): Promise<MeetingSummary[]> {
  const rows = await db.all<{ meeting_id: number; title: string; meeting_date: string; kind: MeetingKind; status: MeetingStatus; items: number; decisions: number }>('consultation/meetings');
  return rows.map((r) => ({ meetingId: r.meeting_id, title: r.title, date: r.meeting_date, kind: r.kind, status: r.status, items: r.items, decisions: r.decisions }));
}

/** The meeting, or a `not_found` error. */
export async function requireMeeting(db: Database, meetingId: number): Promise<Meeting> {
  const row = await db.one<MeetingRow>('consultation/meeting', [meetingId]);
  if (!row) throw new ConsultationError('not_found', `meeting ${meetingId} does not exist`);
  return toMeeting(row);
}

/** Throws `invalid_state` unless the meeting is in one of `allowed`; `what` names the operation. */
export function requireStatus(meeting: Meeting, allowed: MeetingStatus[], what: string): void {
  if (!allowed.includes(meeting.status))
    throw new ConsultationError('invalid_state', `cannot ${what}: meeting ${meeting.meetingId} is ${meeting.status} (allowed when ${allowed.join(' or ')})`);
}

/** Changes title, date, kind, convener, location or evidence window of a draft meeting. */
export async function updateMeeting(db: Database, meetingId: number, input: UpdateMeetingInput): Promise<Meeting> {
  const patch = validate(updateMeetingInput, input);
  const m = await requireMeeting(db, meetingId);
  requireStatus(m, ['draft'], 'edit the meeting');
  const next = {
    title: patch.title !== undefined ? await maskText(db, patch.title) : m.title,
    date: patch.date ?? m.date,
    kind: patch.kind ?? m.kind,
    convener: patch.convener !== undefined ? await maskText(db, patch.convener) : m.convener,
    location: patch.location !== undefined ? await maskText(db, patch.location) : m.location,
    period_from: patch.periodFrom !== undefined ? patch.periodFrom : m.periodFrom,
    period_to: patch.periodTo !== undefined ? patch.periodTo : m.periodTo,
  };
  if (next.period_from && next.period_to && next.period_from > next.period_to)
    throw new ConsultationError('invalid_input', 'periodFrom must not be after periodTo');
  await db.run('consultation/update_meeting', { ...next, meeting_id: meetingId });
  return requireMeeting(db, meetingId);
}
