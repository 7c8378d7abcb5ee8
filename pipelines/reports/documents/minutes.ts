import type { Database } from '../../db/database.js';
import { getMeeting, type Decision, type MeetingDetail } from '../../consultation/index.js';
import { localDay } from '../../consultation/dates.js';
import { chineseDate } from '../format.js';
import { MEETING_KIND_LABELS } from '../labels.js';
import type { Block, ReportDoc } from '../model.js';

export async function loadMinutes(db: Database, meetingId: number): Promise<MeetingDetail> {
  return getMeeting(db, meetingId);
}

const p = (text: string, label?: string): Block => ({ type: 'paragraph', text, label });
const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });

/** The decisions a meeting took on an item: revoked ones and ones it corrected itself are left out. */
function decided(m: MeetingDetail, decisions: Decision[]): Decision[] {
  const ofMeeting = new Set(m.items.flatMap((i) => i.decisions.map((d) => d.decisionId)));
  return decisions.filter((d) => d.status !== 'revoked' && !(d.status === 'superseded' && d.supersededBy !== null && ofMeeting.has(d.supersededBy)));
}

function scope(d: Decision): string {
  return d.scopeDistricts.length ? d.scopeDistricts.join('、') : '全市';
}

/** 会议纪要: who met, and per agenda item the lead unit, assisting units, disposal norm, time limit and scope. */
export function minutesDoc(m: MeetingDetail): ReportDoc {
  const units = m.units.map((u) => u.unit);
  const convener = m.convener ?? '12345热线与110联动工作协调机制办公室';
  const kind = MEETING_KIND_LABELS[m.kind];
  const all = m.items.map((i) => ({ item: i, decisions: decided(m, i.decisions) }));
  const count = all.filter((x) => x.decisions.length).length;
  const blocks: Block[] = [
    p(
      `${chineseDate(m.date)}，${convener}${m.location ? `在${m.location}` : ''}召开${kind}会议，` +
        `${units.length ? `${units.join('、')}等${units.length}家单位参加。` : ''}` +
        `会议研究了${m.items.length}个职责争议事项，对其中${count}项明确了牵头单位、配合单位和处置规范。现纪要如下：`,
    ),
    h(1, '会议议定事项'),
  ];
  for (const { item, decisions } of all) {
    blocks.push(h(2, `关于${item.title}`));
    if (!decisions.length) {
      blocks.push(p('会议未形成决定，请相关单位会后继续研究，提交下次会商。'));
      continue;
    }
    for (const d of decisions) {
      if (decisions.length > 1) blocks.push(h(3, `${scope(d)}`));
      blocks.push(p(d.leadUnit, '牵头单位：'));
      blocks.push(p(d.assistingUnits.length ? d.assistingUnits.join('、') : '无', '配合单位：'));
      blocks.push(p(d.normText, '处置规范：'));
      if (d.deadlineDays !== null) blocks.push(p(`自派单起${d.deadlineDays}日内办结`, '办理时限：'));
      blocks.push(p(scope(d), '适用范围：'));
      blocks.push(p(`自${chineseDate(d.effectiveFrom)}起施行`, '施行日期：'));
    }
  }
  blocks.push(
    h(1, '工作要求'),
    p('各牵头单位自施行之日起按上述规范受理相关诉求，不得以职责不清为由退单；配合单位按分工做好协同处置。'),
    p('12345热线和110据此派单、转办，并对施行前后的退单率、办理时效和重复诉求率进行跟踪，在下次会商会议上通报落实情况。'),
  );
  blocks.push({
    type: 'table',
    title: '会议议定事项一览',
    sheet: '议定事项',
    columns: [
      { header: '序号', format: 'int' },
      { header: '事项', format: 'text' },
      { header: '牵头单位', format: 'text' },
      { header: '配合单位', format: 'text' },
      { header: '处置规范', format: 'text' },
      { header: '办理时限（日）', format: 'int' },
      { header: '适用范围', format: 'text' },
      { header: '施行日期', format: 'text' },
    ],
    rows: all.flatMap(({ item, decisions }) =>
      decisions.map((d) => [item.position, item.title, d.leadUnit, d.assistingUnits.join('、'), d.normText, d.deadlineDays, scope(d), d.effectiveFrom]),
    ),
  });
  if (units.length) blocks.push(h(1, '参会单位'), p(units.join('、')));
  const issued = m.history.find((x) => x.to === 'minutes_issued');
  return {
    kind: 'minutes',
    title: `${m.title}纪要`,
    fileStem: `${m.title}-会议纪要`,
    blocks,
    closing: { org: convener, date: issued ? localDay(issued.at) : m.date },
  };
}
