import type { Me, Role, Session } from '../../../server/api-types.js';
import { get, send, setCsrfToken, whenUnauthorized } from './api.js';

let user = $state<Me | null>(null);
let ready = $state(false);
/** Holds when the last session seen ends: its cookie is gone after that, so no hint either. */
const HINT_KEY = 'linkage.sessionEnds';

function signedIn(me: Me | null): void {
  user = me;
  setCsrfToken(me?.csrfToken ?? '');
  try {
    if (me) localStorage.setItem(HINT_KEY, me.expiresAt);
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // private mode: no hint, the first view waits for the session check
  }
}

/**
 * Whether this browser holds a session that has not ended yet, as far as it last heard: a hint (the
 * server decides) that lets the first view ask for its data beside the session check instead of
 * after it. A session that ended is no hint, so a returning visitor's page asks for nothing it
 * would be refused.
 */
export function signedInBefore(): boolean {
  try {
    const ends = Date.parse(localStorage.getItem(HINT_KEY) ?? '');
    return ends > Date.now();
  } catch {
    return false;
  }
}

whenUnauthorized(() => signedIn(null));

export const session = {
  get user(): Me | null {
    return user;
  },
  get ready(): boolean {
    return ready;
  },
  /** Asks who is signed in; `first` runs before the answer changes what the page shows. */
  async load(first?: (user: Me | null) => void): Promise<void> {
    const me = (await get<Session>('/auth/session')).user;
    first?.(me);
    signedIn(me);
    ready = true;
  },
  async login(username: string, password: string): Promise<void> {
    signedIn(await send<Me>('POST', '/auth/login', { username, password }));
  },
  async logout(): Promise<void> {
    await send('POST', '/auth/logout');
    signedIn(null);
  },
  async changePassword(current: string, next: string): Promise<void> {
    signedIn(await send<Me>('POST', '/auth/password', { current, next }));
  },
};

/** What each role may do in the dashboard (the server checks the same on every route). */
const ABILITIES = {
  curate: ['officer', 'admin'],
  meet: ['officer', 'admin'],
  units: ['officer', 'admin'],
  documents: ['officer', 'leader', 'admin'],
  outliers: ['officer', 'leader', 'admin'],
  import: ['admin'],
  users: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export function can(ability: keyof typeof ABILITIES): boolean {
  return user !== null && (ABILITIES[ability] as readonly Role[]).includes(user.role);
}
