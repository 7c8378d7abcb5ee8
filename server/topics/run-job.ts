import type { z } from 'zod';
import { audit } from '../../pipelines/db/audit.js';
import { runTopics } from '../../pipelines/topics/index.js';
import type { AppContext } from '../context.js';
import { refreshDerived } from '../derived.js';
import { HttpError } from '../http/errors.js';
import type { TopicRunJob as JobSchema } from '../schemas/topics.js';
import { localMinute } from '../time.js';
import { warmCache } from '../warm.js';

type Job = z.input<typeof JobSchema>;

/**
 * The topic engine over every appeal, started from the dashboard. It runs in the background, as an
 * import does: at a million appeals it takes tens of seconds, which no request should hang on, and
 * the officer who started it may leave the page and come back. One run at a time; it holds the write
 * lock while it runs, so imports wait for it and pages go on reading the topics as they were.
 */
export class TopicRuns {
  private last: Job | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** The run under way, else the last one started here since the server started. */
  current(): Job | null {
    return this.last;
  }

  /** Starts a run unless one is under way (it goes on after this returns). */
  start(who: string): Job {
    const going = this.last;
    if (going && (going.state === 'queued' || going.state === 'running')) {
      throw new HttpError(409, 'topic_run_running', `a topic run started by ${going.startedBy} at ${going.startedAt} is still under way`, { who: going.startedBy, at: going.startedAt });
    }
    const job: Job = { state: 'queued', startedBy: who, startedAt: localMinute(new Date()), step: null, result: null, error: null };
    this.last = job;
    void this.run(job, who);
    return job;
  }

  private async run(job: Job, who: string): Promise<void> {
    const { ctx } = this;
    try {
      job.result = await ctx.lock.write(async () => {
        job.state = 'running';
        const r = await runTopics(ctx.db, { progress: (step) => (job.step = step) });
        job.step = 'signals';
        await refreshDerived(ctx.db);
        const result = { runId: r.runId, topics: r.topics, newTopics: r.newTopics, keptTopics: r.keptTopics, retiredTopics: r.retiredTopics, clustered: r.clustered, appeals: r.appeals, durationMs: r.durationMs };
        await audit(ctx.db, { who, action: 'topics_run', what: `#${r.runId}`, details: result });
        return result;
      });
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      job.error = 'the topic run failed; the server log has the details';
      ctx.log(`[topic run by ${who}] ${(err as Error).stack ?? String(err)}`);
    }
    job.step = null;
    await warmCache(ctx);
  }
}
