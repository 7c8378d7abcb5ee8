import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { startServer, type Harness } from '../server/harness.js';
import { launch, watchedPage } from './browser.js';

export interface BrowserSuite {
  h: Harness;
  page: Page;
  /** Console errors and uncaught exceptions not yet checked; a test may take out the ones it expects. */
  errors: string[];
}

/**
 * One server on the sample data and one browser page for a test file: started before its tests,
 * closed after them, and any console error or uncaught exception fails the test it happened in.
 */
export function browserSuite(ready: (suite: BrowserSuite) => void): void {
  let h: Harness | undefined;
  let browser: Browser | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    h = await startServer({ data: 'sample', config: { clientDir: inject('clientDir') } });
    browser = await launch();
    const watched = await watchedPage(browser);
    errors = watched.errors;
    ready({ h, page: watched.page, errors });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });
}
