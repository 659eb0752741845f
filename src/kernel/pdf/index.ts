/**
 * PDF documents with Chinese text: pdfkit with Noto Sans SC (a TTF shipped by an npm package, so
 * `npm ci` is enough) registered as `cjk` and selected; pdfkit embeds only the glyphs a document
 * uses, so the text stays extractable and the file small.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let fontBytes: Promise<Buffer> | null = null;
/** Read once per process (10 MB). */
const cjkFont = () => (fontBytes ??= readFile(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')));

export type PdfDocument = PDFKit.PDFDocument;

/**
 * A new document with the `cjk` font selected; draw on `doc`, then `finish()` ends it and gives the
 * bytes. After `doc.addPage()` select the font again (`.font('cjk')`).
 */
export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PdfDocument; finish: () => Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', await cjkFont());
  doc.font('cjk');
  return {
    doc,
    finish: async () => {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
