import type { AppContext } from './context.js';
import { fullReport, kpisAnswer } from './routes/kpis.js';
import { facetsAnswer, summaryAnswer } from './routes/summary.js';
import { rankingAnswer } from './routes/topics.js';
import { KpisQuery } from './schemas/kpis.js';
import { TopicsQuery } from './schemas/topics.js';

/**
 * Computes the answers every dashboard opens with (summary, filter values, the monthly KPI report
 * with and without districts, the topic ranking) into the cache, so the first person after a start
 * or an import does not wait for them. Failures are logged: the routes will then say what failed.
 */
export async function warmCache(ctx: AppContext): Promise<void> {
  try {
    await ctx.lock.read(async () => {
      await summaryAnswer(ctx);
      await facetsAnswer(ctx);
      // the queries the client sends when nothing is filtered
      await kpisAnswer(ctx, KpisQuery.parse({ period: 'month' }));
      // by district, the overview asks for the KPI it shows: each is cut from this at once
      await fullReport(ctx, KpisQuery.parse({ period: 'month', byDistrict: 'true' }));
      await rankingAnswer(ctx, TopicsQuery.parse({ eligibleOnly: 'true' }));
    });
  } catch (err) {
    ctx.log(`warming the dashboard cache failed: ${(err as Error).message}`);
  }
}
