import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { defaultDbPath, ROOT } from '../pipelines/config.js';

export interface ServerConfig {
  port: number;
  /** Interface to listen on; 127.0.0.1 unless HOST says otherwise (e.g. 0.0.0.0 for a meeting room). */
  host: string;
  /** The built client (npm run build). */
  clientDir: string;
  /** Where uploads wait between preview and import; files get random names, never the client's. */
  uploadDir: string;
  maxUploadBytes: number;
  /** Where Parquet exports are written, each in a folder of its own (never a path a client names). */
  exportDir: string;
  /** Where backups of the database are written (admins, 数据库备份). */
  backupDir: string;
  /** Hours between scheduled backups; 0: none. */
  backupEveryHours: number;
  /** Scheduled backups kept (the oldest beyond this are deleted; backups made by hand never are). */
  backupKeep: number;
  /** Uploads not imported within this time are deleted. */
  uploadTtlMs: number;
  sessionHours: number;
  /** Login attempts per client address and window. */
  loginLimit: { max: number; windowMs: number };
  /** Calls a minute each API token may make (429 beyond). */
  tokenRatePerMinute: number;
  /** Express "trust proxy" setting, for the client address behind a reverse proxy. */
  trustProxy: boolean | number | string;
  /** Check every response against its declared schema (tests; costs time). */
  validateResponses: boolean;
}

function intFrom(value: string | undefined, fallback: number, what: string, least = 0, most = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least || n > most) {
    const range = most < Number.MAX_SAFE_INTEGER ? ` from ${least} to ${most}` : least ? ` of at least ${least}` : '';
    throw new Error(`${what} must be a whole number${range}, got '${value}'`);
  }
  return n;
}

function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Server settings from the environment (PORT, HOST, LINKAGE_*), with defaults for a laptop. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  // exports and backups go beside the database unless placed elsewhere: a database moved to its
  // own disk takes them along, rather than leaving them in the program's folder
  const dataDir = dirname(defaultDbPath(env));
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    clientDir: env.LINKAGE_CLIENT_DIR || join(ROOT, 'dist', 'client'),
    uploadDir: env.LINKAGE_UPLOAD_DIR || join(tmpdir(), 'linkage-uploads'),
    exportDir: env.LINKAGE_EXPORT_DIR || join(dataDir, 'exports'),
    backupDir: env.LINKAGE_BACKUP_DIR || join(dataDir, 'backups'),
    // a week at most: a longer interval overflows Node's timer (2^31 ms), which then fires at once
    backupEveryHours: intFrom(env.LINKAGE_BACKUP_HOURS, 0, 'LINKAGE_BACKUP_HOURS', 0, 168),
    backupKeep: intFrom(env.LINKAGE_BACKUP_KEEP, 7, 'LINKAGE_BACKUP_KEEP', 1),
    maxUploadBytes: intFrom(env.LINKAGE_MAX_UPLOAD_MB, 500, 'LINKAGE_MAX_UPLOAD_MB') * 1024 * 1024,
    uploadTtlMs: 6 * 3600_000,
    sessionHours: intFrom(env.LINKAGE_SESSION_HOURS, 12, 'LINKAGE_SESSION_HOURS'),
    loginLimit: { max: intFrom(env.LINKAGE_LOGIN_LIMIT, 10, 'LINKAGE_LOGIN_LIMIT'), windowMs: 15 * 60_000 },
    tokenRatePerMinute: intFrom(env.LINKAGE_TOKEN_RATE, 600, 'LINKAGE_TOKEN_RATE', 1),
    trustProxy: trustProxyFrom(env.LINKAGE_TRUST_PROXY),
    validateResponses: env.LINKAGE_VALIDATE_RESPONSES === '1',
    ...overrides,
  };
}
