import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Fonts for server-drawn charts. Rasterising CJK text is slow when resvg searches every system
 * font and draws digits from a large CFF font, so charts name one CJK font for words and one Latin
 * TrueType font for tick labels, and resvg loads just those two files when they are found. Without
 * them it falls back to all system fonts (slower; without any CJK font, Chinese shows as boxes).
 */

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts'), 'C:\\Windows\\Fonts', '/System/Library/Fonts', '/Library/Fonts'];

// File name → the family name inside the file, in order of preference.
const CJK = [
  { file: /^NotoSansCJK-Regular\.ttc$/i, family: 'Noto Sans CJK SC' },
  { file: /^SourceHanSansSC-Regular\.otf$/i, family: 'Source Han Sans SC' },
  { file: /^wqy-microhei\.ttc$/i, family: 'WenQuanYi Micro Hei' },
  { file: /^wqy-zenhei\.ttc$/i, family: 'WenQuanYi Zen Hei' },
  { file: /^msyh\.tt[cf]$/i, family: 'Microsoft YaHei' },
  { file: /^simhei\.ttf$/i, family: 'SimHei' },
  { file: /^PingFang\.ttc$/i, family: 'PingFang SC' },
];
const LATIN = [
  { file: /^DejaVuSans\.ttf$/i, family: 'DejaVu Sans' },
  { file: /^LiberationSans-Regular\.ttf$/i, family: 'Liberation Sans' },
  { file: /^arial\.ttf$/i, family: 'Arial' },
  { file: /^Helvetica\.ttc$/i, family: 'Helvetica' },
];

export interface ChartFonts {
  /** CSS font-family lists written into the SVG (the found font first). */
  text: string;
  labels: string;
  /** Font files for resvg; empty = load all system fonts. */
  files: string[];
}

function walk(dir: string, depth: number, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory() && depth > 0) walk(join(dir, e.name), depth - 1, out);
    else if (e.isFile()) out.push(join(dir, e.name));
  }
}

function pick(files: string[], wanted: { file: RegExp; family: string }[]): { path: string; family: string } | null {
  for (const w of wanted) {
    const path = files.find((f) => w.file.test(f.split(/[\\/]/).pop()!));
    if (path) return { path, family: w.family };
  }
  return null;
}

let found: ChartFonts | undefined;

/** The chart fonts of this machine, looked up once. */
export function chartFonts(): ChartFonts {
  if (found) return found;
  const files: string[] = [];
  for (const dir of FONT_DIRS) walk(dir, 4, files);
  const cjk = pick(files, CJK);
  const latin = pick(files, LATIN);
  const families = [...new Set([...(cjk ? [cjk.family] : []), ...CJK.map((c) => c.family)])];
  found = {
    text: `${families.map((f) => `"${f}"`).join(', ')}, sans-serif`,
    labels: `${latin ? `"${latin.family}", ` : ''}Arial, sans-serif`,
    files: cjk && latin ? [cjk.path, latin.path] : [],
  };
  return found;
}
