import { queryString, type Query } from './api.js';

export interface Route {
  /** Path segments after '#/', e.g. ['topics', '12']. */
  parts: string[];
  query: URLSearchParams;
}

function parse(): Route {
  const hash = location.hash.replace(/^#/, '');
  const [path, qs = ''] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs) };
}

let current = $state<Route>(parse());
addEventListener('hashchange', () => {
  current = parse();
});

/** The current hash route; filters live in its query so every view can be bookmarked and shared. */
export const router = {
  get route(): Route {
    return current;
  },
};

/** A link to a client route: `href('/topics', { district: '东城区' })` → `#/topics?district=…`. */
export function href(path: string, query?: Query): string {
  return `#${path}${queryString(query)}`;
}

/** Goes to a route; `replace` keeps the history clean when only filters change. */
export function go(path: string, query?: Query, replace = false): void {
  const target = href(path, query);
  if (replace) {
    history.replaceState(null, '', target);
    current = parse();
  } else location.hash = target.slice(1);
}

/** A text filter from the current route's query ('' when absent). */
export function param(name: string): string {
  return current.query.get(name) ?? '';
}
