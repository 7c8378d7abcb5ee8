import type { Agenda, AgendaItem } from './agenda.js';

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
const num = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));
const BARS = '▁▂▃▄▅▆▇█';

/** Weekly counts as a one-line bar chart, scaled to the busiest week. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

function growthText(item: AgendaItem): string {
  const g = item.growth;
  if (g.ratio === null || g.z === null || g.p === null) return `previous window: ${g.reference}`;
  const change = g.ratio - 1;
  return `vs previous ${g.reference} (${change >= 0 ? '+' : ''}${pct(change)}, z ${g.z.toFixed(1)}, p ${g.p < 0.001 ? g.p.toExponential(1) : g.p.toFixed(3)})`;
}

function itemText(item: AgendaItem): string[] {
  const lines: string[] = [];
  const flags = [item.emerging.flag ? 'EMERGING' : ''].filter(Boolean).join(' ');
  lines.push(`${item.rank}. ${item.label}  [topic ${item.topicId}]  score ${item.score.toFixed(3)}  ${flags}`.trimEnd());
  lines.push(`   ${item.volume} appeals, ${growthText(item)}; with a dispute signal ${pct(item.disputeShare)}, functional returns ${pct(item.functionalReturnRate)}, misroutes ${pct(item.territorialReturnRate)}`);
  lines.push(
    `   owner entropy ${item.ownerEntropy.toFixed(2)} bits over ${item.ownerKinds} kinds; hours to owner median ${num(item.hoursToOwner.median)} / p90 ${num(item.hoursToOwner.p90)}; repeat ${pct(item.repeatRate)}; dissatisfied ${item.dissatisfaction === null ? '—' : pct(item.dissatisfaction)}`,
  );
  lines.push(`   score parts: ${item.parts.filter((p) => p.weight > 0).map((p) => `${p.part} ${p.value.toFixed(2)}×${p.weight}=${p.contribution.toFixed(3)}`).join(' · ')}`);
  if (item.trend.length) lines.push(`   weekly ${sparkline(item.trend.map((t) => t.appeals))}  (${item.trend[0].week} … ${item.trend.at(-1)!.week}: ${item.trend.map((t) => t.appeals).join(' ')})`);
  if (item.returnFlow.length) {
    lines.push(`   return flow: ${item.returnFlow.map((f) => `${f.fromKind} → ${f.toKind} ${f.returns}${f.territorial ? ` (${f.territorial} misroutes)` : ''}`).join('; ')}`);
  }
  for (const u of item.units.slice(0, 6)) {
    lines.push(`   unit ${u.unit} (${u.kind ?? '?'}${u.district ? `, ${u.district}` : ''}): received ${u.received}, returned ${u.returned} (functional ${u.functionalReturns}), kept ${u.kept}`);
  }
  if (item.lead) {
    const l = item.lead;
    lines.push(
      `   suggested lead: ${l.kind} — kept ${l.keptClean} of ${item.volume} (${pct(l.share)}) without returning; returned ${l.returned} of ${l.sent} sent (${pct(l.returnRate)})` +
        (l.units.length ? `; e.g. ${l.units.join(', ')}` : '') +
        (l.runnerUp ? `; next: ${l.runnerUp.kind} ${pct(l.runnerUp.share)}` : ''),
    );
  } else lines.push('   suggested lead: none (no unit kind kept these appeals without returning them)');
  for (const s of item.samples) {
    lines.push(`   · ${s.platform}/${s.appealId} ${s.receivedAt}${s.district ? ` ${s.district}` : ''} [${s.signals.join(', ')}] ${s.title ? `${s.title}：` : ''}${s.content}`);
  }
  return lines;
}

/** The agenda as plain text for the terminal. */
export function agendaText(agenda: Agenda): string {
  const head = `Agenda proposal ${agenda.window.from} … ${agenda.window.to}${agenda.district ? `, ${agenda.district}` : ''}: ${agenda.items.length} topics`;
  const lines = [head, ''];
  for (const item of agenda.items) lines.push(...itemText(item), '');
  if (agenda.settledExcluded.length) {
    lines.push(`left out as settled by a decision in force: ${agenda.settledExcluded.map((t) => `${t.label} [topic ${t.topicId}] ${t.score.toFixed(3)}`).join('; ')}`);
  }
  if (!agenda.items.length) lines.push('no topic with enough appeals in this window (is the topic engine run?)');
  return lines.join('\n');
}
