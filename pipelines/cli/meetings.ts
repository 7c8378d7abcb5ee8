import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import {
  addItem,
  ConsultationError,
  createMeeting,
  evidenceWindow,
  fillFromProposal,
  followUpForMeeting,
  getMeeting,
  listMeetings,
  listRules,
  MEETING_STATUSES,
  recordDecision,
  removeItem,
  reorderItems,
  requireMeeting,
  revokeDecision,
  setInvitedUnits,
  setMeetingStatus,
  suggestRoute,
  type DecisionFollowUp,
  type MeetingDetail,
  type MeetingStatus,
} from '../consultation/index.js';
import { proposeAgenda } from '../disputes/index.js';
import { str, UsageError, type Command, type Values } from './command.js';

const SUBCOMMANDS = ['list', 'create', 'show', 'add-item', 'remove-item', 'reorder', 'propose', 'units', 'status', 'decide', 'revoke', 'follow-up', 'rules', 'route'];

const USAGE = `meetings <subcommand> … [--db PATH] [--by NAME] [--json]
    list
    create --title T --date YYYY-MM-DD [--kind regular|special] [--convener C] [--location L] [--from D --to D]
    show ID
    add-item ID (--topic N | --title T) [--notes TEXT]
    remove-item ITEM_ID
    reorder ID --items ITEM,ITEM,…
    propose ID [--top N] [--from D --to D]       fill the agenda from the dispute proposal
    units ID [--set UNIT,UNIT,…]                  show or replace the invited units
    status ID ${MEETING_STATUSES.slice(1).join('|')}
    decide ID --item ITEM_ID --lead UNIT --norm TEXT [--assist U,U] [--deadline-days N] [--districts D,D] [--effective YYYY-MM-DD]
    revoke DECISION_ID
    follow-up ID [--window-days N] [--controls K]  follow-up of the previous meeting's decisions
    rules                                          jurisdiction rules in force
    route --text TEXT [--district D] [--at YYYY-MM-DD]   suggest who handles a new appeal`;

function id(positionals: string[], k: number, what: string): number {
  const v = Number(positionals[k]);
  if (!positionals[k] || !Number.isInteger(v) || v < 1) throw new UsageError(`give the ${what} (a positive whole number)\nusage: npm run pipeline -- ${USAGE}`);
  return v;
}

function list(values: Values, key: string): string[] | undefined {
  const v = str(values, key);
  return v === undefined ? undefined : v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
}

function intOption(values: Values, key: string): number | undefined {
  const v = str(values, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`--${key} takes a whole number`);
  return n;
}

function printMeeting(m: MeetingDetail): void {
  console.log(`#${m.meetingId} ${m.title}  ${m.date}  ${m.kind}  [${m.status}]${m.nextStatus ? `  next: ${m.nextStatus}` : ''}`);
  if (m.convener) console.log(`  convener: ${m.convener}`);
  console.log(`  invited: ${m.units.map((u) => u.unit + (u.origin === 'manual' ? '*' : '')).join('、') || '—'}`);
  for (const i of m.items) {
    const e = i.evidence;
    const facts = e ? `  ${e.appeals} appeals${e.score ? `, score ${(e.score.value * 100).toFixed(1)}` : ''}${e.suggestedLead ? `, lead? ${e.suggestedLead.units[0] ?? e.suggestedLead.kind}` : ''}` : '';
    console.log(`  ${i.position}. [item ${i.itemId}${i.topicId !== null ? `, topic ${i.topicId}` : ''}] ${i.title}${facts}`);
    for (const d of i.decisions)
      console.log(`       decision ${d.decisionId} [${d.status}] lead ${d.leadUnit}${d.assistingUnits.length ? `, assist ${d.assistingUnits.join('、')}` : ''}, from ${d.effectiveFrom}${d.scopeDistricts.length ? `, in ${d.scopeDistricts.join('、')}` : ''}`);
  }
}

function printFollowUp(list: DecisionFollowUp[]): void {
  for (const f of list) {
    const d = f.decision;
    console.log(`decision ${d.decisionId} ${d.topicLabel ?? d.itemTitle} → ${d.leadUnit} from ${d.effectiveFrom}: ${f.status}`);
    if (f.window) console.log(`  ${f.window.preFrom}…${f.window.preTo} vs ${f.window.postFrom}…${f.window.postTo}; controls: ${f.controls.map((c) => c.label).join('、') || '—'}`);
    for (const e of f.effects) {
      const ci = e.low === null || e.high === null ? '' : ` [${e.low.toFixed(3)}, ${e.high.toFixed(3)}]`;
      console.log(`  ${e.metric.padEnd(15)} ${e.treatedPre.toFixed(3)} → ${e.treatedPost.toFixed(3)}  controls ${e.controlPre.toFixed(3)} → ${e.controlPost.toFixed(3)}  DiD ${e.estimate.toFixed(3)}${ci}  ${e.verdict}`);
    }
  }
}

export const meetingsCommand: Command = {
  name: 'meetings',
  summary: 'consultation meetings: agenda, invited units, status, decisions, follow-up',
  usage: 'meetings list|create|show|add-item|remove-item|reorder|propose|units|status|decide|revoke|follow-up|rules|route …',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    by: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    kind: { type: 'string' },
    convener: { type: 'string' },
    location: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    topic: { type: 'string' },
    notes: { type: 'string' },
    items: { type: 'string' },
    top: { type: 'string' },
    set: { type: 'string' },
    item: { type: 'string' },
    lead: { type: 'string' },
    assist: { type: 'string' },
    norm: { type: 'string' },
    'deadline-days': { type: 'string' },
    districts: { type: 'string' },
    effective: { type: 'string' },
    'window-days': { type: 'string' },
    controls: { type: 'string' },
    text: { type: 'string' },
    district: { type: 'string' },
    at: { type: 'string' },
  },
  async run(values, positionals) {
    const [sub, ...args] = positionals;
    if (!sub || !SUBCOMMANDS.includes(sub)) throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const actor = { actor: str(values, 'by') ?? process.env.USER ?? 'cli' };
    const out = (data: unknown, text: () => void) => (values.json ? console.log(JSON.stringify(data)) : text());
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      switch (sub) {
        case 'list': {
          const rows = await listMeetings(db);
          out(rows, () => {
            if (!rows.length) console.log('no meetings');
            for (const m of rows) console.log(`#${m.meetingId}  ${m.date}  ${m.status.padEnd(14)} ${m.items} items, ${m.decisions} decisions  ${m.title}`);
          });
          break;
        }
        case 'create': {
          const m = await createMeeting(
            db,
            {
              title: str(values, 'title') ?? '',
              date: str(values, 'date') ?? '',
              kind: (str(values, 'kind') ?? 'regular') as 'regular',
              convener: str(values, 'convener'),
              location: str(values, 'location'),
              periodFrom: str(values, 'from'),
              periodTo: str(values, 'to'),
            },
            actor,
          );
          out(m, () => console.log(`meeting ${m.meetingId} created (draft)`));
          break;
        }
        case 'show': {
          const m = await getMeeting(db, id(args, 0, 'meeting id'));
          out(m, () => printMeeting(m));
          break;
        }
        case 'add-item': {
          const topic = intOption(values, 'topic');
          const item = await addItem(db, id(args, 0, 'meeting id'), { topicId: topic, title: str(values, 'title'), notes: str(values, 'notes') });
          out(item, () => console.log(`item ${item.itemId} added at position ${item.position}: ${item.title}`));
          break;
        }
        case 'remove-item': {
          const items = await removeItem(db, id(args, 0, 'item id'));
          out(items, () => console.log(`removed; ${items.length} items left`));
          break;
        }
        case 'reorder': {
          const order = (list(values, 'items') ?? []).map(Number);
          const items = await reorderItems(db, id(args, 0, 'meeting id'), { itemIds: order });
          out(items, () => items.forEach((i) => console.log(`${i.position}. [item ${i.itemId}] ${i.title}`)));
          break;
        }
        case 'propose': {
          const meetingId = id(args, 0, 'meeting id');
          const meeting = await requireMeeting(db, meetingId);
          const window = await evidenceWindow(db, { ...meeting, periodFrom: str(values, 'from') ?? meeting.periodFrom, periodTo: str(values, 'to') ?? meeting.periodTo });
          const proposal = await proposeAgenda(db, { from: window.from, to: window.to, top: intOption(values, 'top') ?? 10 });
          const added = await fillFromProposal(db, meetingId, proposal);
          out(added, () => {
            console.log(`${added.length} of ${proposal.items.length} proposed topics added (${window.from} … ${window.to})`);
            for (const i of added) console.log(`  ${i.position}. [item ${i.itemId}, topic ${i.topicId}] ${i.title}`);
          });
          break;
        }
        case 'units': {
          const meetingId = id(args, 0, 'meeting id');
          const set = list(values, 'set');
          if (set) await setInvitedUnits(db, meetingId, { units: set });
          const m = await getMeeting(db, meetingId);
          out({ units: m.units, suggested: m.suggestedUnits }, () => {
            for (const u of m.units) console.log(`${u.unit}${u.origin === 'manual' ? '  (added by hand)' : ''}`);
            const missing = m.suggestedUnits.filter((s) => !m.units.some((u) => u.unit === s));
            if (missing.length) console.log(`suggested, not invited: ${missing.join('、')}`);
          });
          break;
        }
        case 'status': {
          const to = args[1] as MeetingStatus | undefined;
          if (!to) throw new UsageError(`give the new status: ${MEETING_STATUSES.slice(1).join(', ')}`);
          const m = await setMeetingStatus(db, id(args, 0, 'meeting id'), { to }, actor);
          out(m, () => console.log(`meeting ${m.meetingId} is ${m.status}`));
          break;
        }
        case 'decide': {
          const d = await recordDecision(
            db,
            id(args, 0, 'meeting id'),
            {
              itemId: intOption(values, 'item') ?? 0,
              leadUnit: str(values, 'lead') ?? '',
              assistingUnits: list(values, 'assist') ?? [],
              normText: str(values, 'norm') ?? '',
              deadlineDays: intOption(values, 'deadline-days'),
              scopeDistricts: list(values, 'districts') ?? [],
              effectiveFrom: str(values, 'effective'),
            },
            actor,
          );
          out(d, () => console.log(`decision ${d.decisionId} recorded: ${d.leadUnit} leads from ${d.effectiveFrom}${d.topicId !== null ? ` (rule for topic ${d.topicId})` : ''}`));
          break;
        }
        case 'revoke': {
          const d = await revokeDecision(db, id(args, 0, 'decision id'));
          out(d, () => console.log(`decision ${d.decisionId} revoked`));
          break;
        }
        case 'follow-up': {
          const f = await followUpForMeeting(db, id(args, 0, 'meeting id'), { windowDays: intOption(values, 'window-days'), controls: intOption(values, 'controls') });
          out(f, () => {
            if (!f.previousMeeting) console.log('no earlier meeting with decisions in force');
            else {
              console.log(`decisions of meeting ${f.previousMeeting.meetingId} ${f.previousMeeting.title} (${f.previousMeeting.date}):`);
              printFollowUp(f.decisions);
            }
          });
          break;
        }
        case 'rules': {
          const rules = await listRules(db);
          out(rules, () => {
            if (!rules.length) console.log('no rules in force');
            for (const r of rules)
              console.log(`rule ${r.ruleId}: topic ${r.topicId} ${r.topicLabel ?? ''} → ${r.leadUnit}${r.scopeDistricts.length ? ` in ${r.scopeDistricts.join('、')}` : ''} from ${r.effectiveFrom}`);
          });
          break;
        }
        case 'route': {
          const r = await suggestRoute(db, { text: str(values, 'text') ?? '', district: str(values, 'district'), at: str(values, 'at') });
          out(r, () => {
            console.log(r.explanation);
            if (r.topic) console.log(`topic ${r.topic.topicId} ${r.topic.label ?? ''} (similarity ${r.topic.similarity.toFixed(3)}); confidence ${r.confidence.toFixed(3)}`);
          });
          break;
        }
      }
      return 0;
    } catch (err) {
      if (err instanceof ConsultationError) throw new UsageError(err.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
