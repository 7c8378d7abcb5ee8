import type { Database } from '../db/database.js';
import { agendaItems } from './items.js';
import { requireMeeting } from './meetings.js';
import type { MeetingStatus } from './schemas.js';
import { nextStatus } from './status.js';
import type { MeetingDetail, StatusChange } from './types.js';
import { invitedUnits, suggestUnits } from './units.js';
import { iso } from './rows.js';

/** Everything the meeting screen shows: the meeting, its agenda with decisions, units and history. */
export async function getMeeting(db: Database, meetingId: number): Promise<MeetingDetail> {
  const meeting = await requireMeeting(db, meetingId);
  const items = await agendaItems(db, meetingId);
  const history = await db.all<{ from_status: MeetingStatus | null; to_status: MeetingStatus; changed_by: string | null; changed_at: Date }>('consultation/status_history', [meetingId]);
  return {
    ...meeting,
    items,
    units: await invitedUnits(db, meetingId),
    suggestedUnits: suggestUnits(items.map((i) => i.evidence)),
    history: history.map((h): StatusChange => ({ from: h.from_status, to: h.to_status, by: h.changed_by, at: iso(h.changed_at) })),
    nextStatus: nextStatus(meeting.status),
  };
}
