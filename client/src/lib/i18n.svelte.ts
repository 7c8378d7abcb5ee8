import { TABLES, fill, type Locale, type MessageKey } from '../i18n/messages.js';

export type { Locale, MessageKey };
const STORE_KEY = 'linkage.locale';

function initial(): Locale {
  try {
    return localStorage.getItem(STORE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const first = initial();
let locale = $state<Locale>(first);
document.documentElement.lang = first === 'zh' ? 'zh-CN' : 'en';

export const i18n = {
  get locale(): Locale {
    return locale;
  },
  set(next: Locale): void {
    locale = next;
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  },
};

/** The message for `key` in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(TABLES[locale][key] ?? key, vars);
}

/** A label the server gives in both languages (KPI names). */
export function pick(label: { zh: string; en: string }): string {
  return label[locale];
}

/** As `t`, for a key that may not be in the table (error codes from the server); null when it is not. */
export function tKnown(key: string, vars?: Record<string, string | number>): string | null {
  return key in TABLES[locale] ? t(key as MessageKey, vars) : null;
}

/** A key that may or may not be in the table (codes from the data: platforms, methods, parts …). */
export function tOr(key: string, fallback: string): string {
  return key in TABLES[locale] ? TABLES[locale][key as MessageKey] : fallback;
}
