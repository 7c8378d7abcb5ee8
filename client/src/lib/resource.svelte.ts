/**
 * Data a page loads from the API, reloaded whenever the reactive state `load` reads (its filters)
 * changes; an answer that arrives after a newer request started is dropped.
 */
export function resource<T>(load: () => Promise<T>): { readonly data: T | null; readonly error: unknown; readonly loading: boolean; reload: () => void } {
  let data = $state<T | null>(null);
  let error = $state<unknown>(null);
  let loading = $state(true);
  let nonce = $state(0);
  $effect(() => {
    void nonce;
    let stale = false;
    loading = true;
    error = null;
    load().then(
      (d) => {
        if (stale) return;
        data = d;
        loading = false;
      },
      (e: unknown) => {
        if (stale) return;
        error = e;
        loading = false;
      },
    );
    return () => {
      stale = true;
    };
  });
  return {
    get data() {
      return data;
    },
    get error() {
      return error;
    },
    get loading() {
      return loading;
    },
    reload: () => {
      nonce++;
    },
  };
}
