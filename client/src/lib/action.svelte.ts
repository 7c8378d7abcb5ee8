/**
 * A button's request to the server: `busy` while it runs (to disable the button), and the error
 * it ended with, if any, for an ErrorNote. `run` never throws.
 */
export function action(): { readonly busy: boolean; readonly error: unknown; run: (fn: () => Promise<void>) => Promise<void> } {
  let busy = $state(false);
  let error = $state<unknown>(null);
  return {
    get busy() {
      return busy;
    },
    get error() {
      return error;
    },
    async run(fn) {
      busy = true;
      error = null;
      try {
        await fn();
      } catch (err) {
        error = err;
      } finally {
        busy = false;
      }
    },
  };
}
