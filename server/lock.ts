/**
 * A readers–writer lock over the one database connection. Pipelines write inside transactions on
 * that connection, so a statement from another request must not run while a write is under way
 * (it would join, or abort, the writer's transaction). Reads run together; a write waits for the
 * reads in progress and holds back new ones until it is done, so writers never starve.
 */
export class ReadWriteLock {
  private readers = 0;
  private writing = false;
  private queue: { write: boolean; wake: () => void }[] = [];

  /** Whether a write holds or waits for the lock (e.g. an import is running). */
  get busyWriting(): boolean {
    return this.writing || this.queue.some((w) => w.write);
  }

  async read<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await fn();
    } finally {
      this.readers--;
      this.next();
    }
  }

  async write<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await fn();
    } finally {
      this.writing = false;
      this.next();
    }
  }

  private acquire(write: boolean): Promise<void> {
    if (!this.writing && this.queue.length === 0 && (write ? this.readers === 0 : true)) {
      if (write) this.writing = true;
      else this.readers++;
      return Promise.resolve();
    }
    return new Promise((wake) => this.queue.push({ write, wake }));
  }

  private next(): void {
    while (this.queue.length > 0 && !this.writing) {
      const head = this.queue[0];
      if (head.write) {
        if (this.readers > 0) return;
        this.queue.shift();
        this.writing = true;
        head.wake();
        return;
      }
      this.queue.shift();
      this.readers++;
      head.wake();
    }
  }
}
