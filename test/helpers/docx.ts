import JSZip from 'jszip';

/** The visible text of a .docx body (word/document.xml), one line per paragraph. */
export async function docxText(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return wordXmlText(await zip.file('word/document.xml')!.async('string'));
}

/** The visible text of one WordprocessingML part, one line per paragraph. */
export function wordXmlText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Phone and ID-card numbers as they would appear unmasked. */
export const UNMASKED = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])|(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/;
