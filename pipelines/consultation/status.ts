import type { Database } from '../db/database.js';
import { ConsultationError } from './errors.js';
import { requireMeeting } from './meetings.js';
import { MEETING_STATUSES, statusInput, validate, type MeetingStatus, type StatusInput } from './schemas.js';
import type { Actor, Meeting } from './types.js';

/** The one status a meeting may move to from `status`: draft → issued → held → minutes_issued. */
export function nextStatus(status: MeetingStatus): MeetingStatus | null {
  const i = MEETING_STATUSES.indexOf(status);
  return MEETING_STATUSES[i + 1] ?? null;
}

/**
 * Moves the meeting one step forward. Skipping a step or going back is refused with an
 * `invalid_state` error that names the allowed next status; an agenda is issued only with items.
 */
export async function setMeetingStatus(db: Database, meetingId: number, input: StatusInput, { actor }: Actor = {}): Promise<Meeting> {
  const { to } = validate(statusInput, input);
  const m = await requireMeeting(db, meetingId);
  const allowed = nextStatus(m.status);
  if (to !== allowed) {
    const hint = allowed ? `the next status is ${allowed}` : 'its minutes are issued, it is final';
    throw new ConsultationError('invalid_state', `cannot move meeting ${meetingId} from ${m.status} to ${to}: ${hint}`);
  }
  if (to === 'issued') {
    const items = await db.all('consultation/items', [meetingId]);
    if (!items.length) throw new ConsultationError('invalid_state', `cannot issue meeting ${meetingId}: its agenda is empty`);
  }
  await db.transaction(() => db.run('consultation/set_status', { meeting_id: meetingId, from: m.status, to, actor: actor ?? null }));
  return requireMeeting(db, meetingId);
}
