import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { afterImport } from '../../pipelines/ingest/after-import.js';
import { importFile, ImportError, type ImportOptions } from '../../pipelines/ingest/index.js';
import { audit } from '../../pipelines/db/audit.js';
import type { AppContext } from '../context.js';
import { refreshDerived } from '../derived.js';
import { localMinute } from '../time.js';
import { warmCache } from '../warm.js';
import type { Job } from '../schemas/imports.js';
import type { Upload, UploadStore } from './uploads.js';

type JobState = z.input<typeof Job>;

const KEEP_JOBS = 100;

/**
 * Imports run in the background, one at a time as writes, so the request that starts one answers
 * at once and the client polls for progress and the report. Reads meanwhile see the data as it was
 * before the import (see DatabaseAccess), and its cached answers are dropped when it ends.
 */
export class ImportJobs {
  private jobs = new Map<string, JobState>();

  constructor(
    private readonly ctx: AppContext,
    private readonly uploads: UploadStore,
  ) {}

  get(id: string): JobState | undefined {
    return this.jobs.get(id);
  }

  /** The jobs waiting or running, oldest first. */
  active(): JobState[] {
    return [...this.jobs.values()].filter((j) => j.state === 'queued' || j.state === 'running');
  }

  /** Starts importing `upload`; resolves with the job when it has finished (the route does not wait). */
  start(upload: Upload, options: Pick<ImportOptions, 'kind' | 'preset' | 'mapping'>, who: string): { job: JobState; finished: Promise<JobState> } {
    const job: JobState = {
      jobId: randomUUID(), state: 'queued', fileName: upload.fileName, startedBy: who, startedAt: localMinute(new Date()),
      phase: null, done: 0, total: 0, report: null, error: null,
    };
    this.jobs.set(job.jobId, job);
    while (this.jobs.size > KEEP_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
    const finished = this.run(job, upload, options, who);
    return { job, finished };
  }

  private async run(job: JobState, upload: Upload, options: Pick<ImportOptions, 'kind' | 'preset' | 'mapping'>, who: string): Promise<JobState> {
    const { ctx } = this;
    try {
      job.report = await ctx.lock.write(async () => {
        job.state = 'running';
        const report = await importFile(ctx.db, upload.path, {
          ...options,
          sourceName: upload.fileName,
          importedBy: who,
          sha256: upload.sha256,
          onProgress: (phase, done, total) => {
            job.phase = phase;
            job.done = done;
            job.total = total;
          },
        });
        // the rows are in: that is recorded whatever the work after the import does
        await audit(ctx.db, { who, action: 'import', what: upload.fileName, details: { importId: report.importId, inserted: report.inserted, updated: report.updated, rejected: report.rejected } });
        const { mapping: _, ...rest } = report;
        job.phase = 'updating topics and signals';
        try {
          const after = await afterImport(ctx.db, report);
          await refreshDerived(ctx.db);
          return { ...rest, after };
        } catch (err) {
          ctx.log(`[import ${job.jobId}] imported; updating topics and signals failed: ${(err as Error).stack ?? String(err)}`);
          return { ...rest, after: null };
        }
      });
      // done once the write has ended: the client's next reads then see the import
      job.state = 'done';
      job.phase = null;
    } catch (err) {
      job.state = 'failed';
      job.phase = null;
      job.error = err instanceof ImportError ? err.message : 'the import failed; the server log has the details';
      if (!(err instanceof ImportError)) ctx.log(`[import ${job.jobId}] ${(err as Error).stack ?? String(err)}`);
    } finally {
      this.uploads.remove(upload.id);
    }
    await warmCache(ctx);
    return job;
  }
}
