import 'server-only';
import {
  PDFDocument,
  StandardFonts,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { Actor } from '../actor';
import { assertCanManageAssets } from '../assets/access';
import { listAssetsForLabels, type AssetFilters, type AssetLabelRow } from '../assets/queries';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { labelStocks, type LabelFormat } from './formats';
import { fitInside, labelParts, labelSlot, truncateToWidth } from './layout';
import { qrRectangles, qrRuns } from './qr-path';
import { maxLabelsPerPdf } from './schemas';
import { assetShortUrl } from './short-url';

export type LabelLogo = { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg' };

export type LabelRequest = ({ assetIds: string[] } | { filter: AssetFilters }) & {
  format: LabelFormat;
  logo?: LabelLogo | null;
};

export type LabelsPdf = { bytes: Uint8Array; labels: number; pages: number };

/**
 * A PDF of labels for the chosen assets (or every one matching a list filter), one per asset:
 * QR code of its short URL, tag, name and the optional logo. Staff only; requesters get "not found".
 */
export async function renderLabelsPdf(executor: Executor, actor: Actor, request: LabelRequest): Promise<LabelsPdf> {
  assertCanManageAssets(actor);
  const selection = 'assetIds' in request ? { assetIds: request.assetIds } : { filter: request.filter };
  const rows = await listAssetsForLabels(executor, actor, selection, maxLabelsPerPdf + 1);
  if (rows.length === 0) throw new AppError('not_found', 'No assets to print labels for.');
  if (rows.length > maxLabelsPerPdf)
    throw new AppError(
      'unprocessable',
      `That is more than ${maxLabelsPerPdf.toLocaleString('en')} labels. Narrow the filter and print in parts.`,
    );
  return drawLabels(rows, request.format, request.logo ?? null);
}

/** The drawing alone, for the benchmark and tests. */
export async function drawLabels(
  rows: AssetLabelRow[],
  format: LabelFormat,
  logo: LabelLogo | null,
): Promise<LabelsPdf> {
  const stock = labelStocks[format];
  const document = await PDFDocument.create();
  document.setTitle(`Asset labels (${rows.length})`);
  document.setProducer('IT Assets Manager');
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const image = logo ? await embedLogo(document, logo) : null;
  const pages: PDFPage[] = [];
  rows.forEach((row, index) => {
    const slot = labelSlot(stock, index);
    const page = pages[slot.page] ?? (pages[slot.page] = document.addPage([stock.page.width, stock.page.height]));
    drawLabel(page, slot.box, row, { bold, regular, image });
  });
  const bytes = await document.save({ useObjectStreams: false });
  return { bytes, labels: rows.length, pages: pages.length };
}

async function embedLogo(document: PDFDocument, logo: LabelLogo): Promise<PDFImage> {
  try {
    return logo.contentType === 'image/png' ? await document.embedPng(logo.bytes) : await document.embedJpg(logo.bytes);
  } catch (error) {
    throw new AppError('unprocessable', 'The label logo could not be read as an image.', { cause: error });
  }
}

type Drawing = { bold: PDFFont; regular: PDFFont; image: PDFImage | null };

function drawLabel(page: PDFPage, box: Parameters<typeof labelParts>[0], row: AssetLabelRow, drawing: Drawing) {
  const parts = labelParts(box, drawing.image !== null);
  const { size, runs } = qrRuns(assetShortUrl(row.assetTag));
  page.pushOperators(
    pushGraphicsState(),
    setFillingGrayscaleColor(0),
    ...qrRectangles(size, runs, parts.qr).map((cell) => rectangle(cell.x, cell.y, cell.width, cell.height)),
    fill(),
    popGraphicsState(),
  );
  const tag = fitText(row.assetTag, drawing.bold, parts.tag.size, parts.tag.maxWidth);
  page.drawText(tag, { x: parts.tag.x, y: parts.tag.y, size: parts.tag.size, font: drawing.bold });
  const name = fitText(row.name, drawing.regular, parts.name.size, parts.name.maxWidth);
  page.drawText(name, { x: parts.name.x, y: parts.name.y, size: parts.name.size, font: drawing.regular });
  if (drawing.image && parts.logo) {
    const place = fitInside(parts.logo, drawing.image.width, drawing.image.height);
    page.drawImage(drawing.image, place);
  }
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
