import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { computeKpis, kpiAppeals, PERIODS, type Period } from '../kpis/compute.js';
import { kpiText } from '../kpis/report-text.js';
import { str, UsageError, type Command } from './command.js';

export const kpisCommand: Command = {
  name: 'kpis',
  summary: 'compute the linkage KPI dictionary by period (and district); --drill lists the appeals behind one value',
  usage: 'kpis [--period day|week|month|quarter] [--district D | --by-district] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--drill KPI --at PERIOD_START] [--json] [--db PATH]',
  options: {
    period: { type: 'string' },
    district: { type: 'string' },
    'by-district': { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    drill: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  },
  async run(values) {
    const period = (str(values, 'period') ?? 'month') as Period;
    if (!PERIODS.includes(period)) throw new UsageError(`--period must be one of ${PERIODS.join(', ')}`);
    if (values.drill && !values.at) throw new UsageError('--drill needs --at PERIOD_START (the first day of the period, as the report shows it)');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      if (values.drill) {
        const result = await kpiAppeals(db, str(values, 'drill')!, { unit: period, start: str(values, 'at')! }, str(values, 'district'));
        if (values.json) console.log(JSON.stringify(result));
        else {
          console.log(`${result.kpi}, ${period} from ${result.period.start}${result.district ? `, ${result.district}` : ''}: ${result.total} rows${result.total > result.rows.length ? ` (first ${result.rows.length})` : ''}`);
          for (const r of result.rows) {
            const mark = r.inNumerator ? '+' : ' ';
            console.log(`${mark} ${r.platform}/${r.appealId}${r.seq === null ? '' : `#${r.seq}`}  ${r.at}  ${r.district ?? '—'}  ${r.breakdown ?? ''}${r.measure === null ? '' : `  ${r.measure.toFixed(1)} min`}`);
          }
        }
        return 0;
      }
      const report = await computeKpis(db, {
        period,
        district: str(values, 'district'),
        byDistrict: Boolean(values['by-district']),
        from: str(values, 'from'),
        to: str(values, 'to'),
      });
      console.log(values.json ? JSON.stringify(report) : kpiText(report));
      return 0;
    } finally {
      db.close();
    }
  },
};
