/**
 * English support through `natural`, loaded only when an English text is met: importing it takes
 * seconds and it reads a .env file (quietened here).
 */
export interface English {
  tokenize(text: string): string[];
  stem(word: string): string;
  stopWords: string[];
}

interface NaturalModule {
  WordTokenizer: new () => { tokenize(text: string): string[] };
  PorterStemmer: { stem(word: string): string };
  stopwords: string[];
}

let loading: Promise<English> | undefined;

export function loadEnglish(): Promise<English> {
  loading ??= (async () => {
    process.env.DOTENV_CONFIG_QUIET = 'true';
    const natural = ((await import('natural')) as unknown as { default: NaturalModule }).default;
    const tokenizer = new natural.WordTokenizer();
    return {
      tokenize: (text) => tokenizer.tokenize(text),
      stem: (word) => natural.PorterStemmer.stem(word),
      stopWords: natural.stopwords,
    };
  })();
  return loading;
}

/** A text is treated as English when it has more Latin letters than CJK characters. */
export function isEnglish(text: string): boolean {
  let latin = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x3400 && c <= 0x9fff) han++;
    // Stop as soon as the rest of the text cannot change the answer.
    const left = text.length - i - 1;
    if (han >= latin + left) return false;
    if (latin > han + left) return true;
  }
  return latin > han;
}
