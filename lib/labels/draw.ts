import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { AppError } from '../errors';
import { labelStocks, type LabelFormat } from './formats';
import { fitInside, labelParts, labelSlot, truncateToWidth } from './layout';
import { qrRectangles, qrRuns } from './qr-path';

export type LabelRow = { assetTag: string; name: string };
export type LabelLogo = { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg' };
export type LabelsPdf = { bytes: Uint8Array; labels: number; pages: number };

const labelsBetweenPauses = 100;

/** The labels drawn into a PDF: no database and no settings, so the benchmark runs it alone. */
export async function drawLabels(
  rows: LabelRow[],
  { format, logo, urlOf }: { format: LabelFormat; logo: LabelLogo | null; urlOf: (assetTag: string) => string },
): Promise<LabelsPdf> {
  const stock = labelStocks[format];
  const document = await PDFDocument.create();
  document.setTitle(`Asset labels (${rows.length})`);
  document.setProducer('IT Assets Manager');
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const image = logo ? await embedLogo(document, logo) : null;
  const pages: { page: PDFPage; codes: string[] }[] = [];
  for (const [index, row] of rows.entries()) {
    // A sheet of thousands takes seconds: other requests are answered between every hundred labels.
    if (index > 0 && index % labelsBetweenPauses === 0) await new Promise((resolve) => setImmediate(resolve));
    const slot = labelSlot(stock, index);
    const sheet =
      pages[slot.page] ??
      (pages[slot.page] = { page: document.addPage([stock.page.width, stock.page.height]), codes: [] });
    sheet.codes.push(drawLabel(sheet.page, slot.box, row, { bold, regular, image, url: urlOf(row.assetTag) }));
  }
  // The QR codes as one raw content stream per page: pdf-lib's operator objects (four numbers
  // each, hundreds of rectangles a code) made a 1,000-label sheet several times slower and larger.
  for (const { page, codes } of pages) {
    // Compressed by Node's zlib: pdf-lib's own (pako, in JavaScript) took a third of the time.
    const stream = document.context.stream(deflateSync(`q 0 g\n${codes.join('')}f Q\n`), { Filter: 'FlateDecode' });
    page.node.addContentStream(document.context.register(stream));
  }
  const bytes = await document.save({ useObjectStreams: false });
  return { bytes, labels: rows.length, pages: pages.length };
}

/** Refuses a logo pdf-lib cannot embed, at upload rather than at every later print. */
export async function assertEmbeddableLogo(logo: LabelLogo): Promise<void> {
  await embedLogo(await PDFDocument.create(), logo);
}

async function embedLogo(document: PDFDocument, logo: LabelLogo): Promise<PDFImage> {
  try {
    return logo.contentType === 'image/png' ? await document.embedPng(logo.bytes) : await document.embedJpg(logo.bytes);
  } catch (error) {
    throw new AppError('unprocessable', 'The label logo could not be read as an image.', { cause: error });
  }
}

type Drawing = { bold: PDFFont; regular: PDFFont; image: PDFImage | null; url: string };

const figure = (value: number) => Number(value.toFixed(2)).toString();

/** Draws the label's text and logo; answers its QR code as content-stream rectangles ("x y w h re"). */
function drawLabel(page: PDFPage, box: Parameters<typeof labelParts>[0], row: LabelRow, drawing: Drawing): string {
  const parts = labelParts(box, drawing.image !== null);
  const { size, runs } = qrRuns(drawing.url);
  const code = qrRectangles(size, runs, parts.qr)
    .map((cell) => `${figure(cell.x)} ${figure(cell.y)} ${figure(cell.width)} ${figure(cell.height)} re\n`)
    .join('');
  const tag = fitText(row.assetTag, drawing.bold, parts.tag.size, parts.tag.maxWidth);
  page.drawText(tag, { x: parts.tag.x, y: parts.tag.y, size: parts.tag.size, font: drawing.bold });
  const name = fitText(row.name, drawing.regular, parts.name.size, parts.name.maxWidth);
  page.drawText(name, { x: parts.name.x, y: parts.name.y, size: parts.name.size, font: drawing.regular });
  if (drawing.image && parts.logo) {
    const place = fitInside(parts.logo, drawing.image.width, drawing.image.height);
    page.drawImage(drawing.image, place);
  }
  return code;
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/** The standard fonts cover Latin-1 and a few more; other characters print as "?", then it is cut to fit. */
function fitText(text: string, font: PDFFont, size: number, maxWidth: number): string {
  let known = characterSets.get(font);
  if (!known) characterSets.set(font, (known = new Set(font.getCharacterSet())));
  const printable = Array.from(text.replace(/\s+/g, ' '))
    .map((character) => (known.has(character.codePointAt(0) ?? 0) ? character : '?'))
    .join('');
  return truncateToWidth(printable, maxWidth, (candidate) => font.widthOfTextAtSize(candidate, size));
}
