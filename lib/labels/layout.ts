import type { LabelStock } from './formats';

// Where each label and each part of a label goes: pure arithmetic, so it is unit-tested without a PDF.

export type Box = { x: number; y: number; width: number; height: number };

/** The n-th label (from 0): its page and its box, filling rows left to right, top to bottom. */
export function labelSlot(stock: LabelStock, index: number): { page: number; box: Box } {
  const perPage = stock.columns * stock.rows;
  const onPage = index % perPage;
  const column = onPage % stock.columns;
  const row = Math.floor(onPage / stock.columns);
  const top = stock.page.height - stock.marginTop - row * stock.pitchY;
  return {
    page: Math.floor(index / perPage),
    box: {
      x: stock.marginLeft + column * stock.pitchX,
      y: top - stock.labelHeight,
      width: stock.labelWidth,
      height: stock.labelHeight,
    },
  };
}

export type LabelParts = {
  qr: Box;
  tag: { x: number; y: number; size: number; maxWidth: number };
  name: { x: number; y: number; size: number; maxWidth: number };
  logo: Box | null;
};

/** Inside one label: the QR code as a square on the left, the tag, the name and the logo beside it. */
export function labelParts(box: Box, withLogo: boolean): LabelParts {
  // Labels are cut with a little play; nothing is drawn within this distance of the edge.
  const padding = Math.min(box.height * 0.08, 6);
  const qrSide = box.height - 2 * padding;
  const textX = box.x + padding + qrSide + padding;
  const maxWidth = box.x + box.width - padding - textX;
  const tagSize = Math.max(6, Math.min(14, box.height * 0.2));
  const nameSize = Math.max(5, tagSize * 0.72);
  const top = box.y + box.height - padding;
  const logoHeight = withLogo ? Math.min(box.height * 0.3, maxWidth / 2) : 0;
  return {
    qr: { x: box.x + padding, y: box.y + padding, width: qrSide, height: qrSide },
    logo: withLogo ? { x: textX, y: box.y + padding, width: maxWidth, height: logoHeight } : null,
    tag: { x: textX, y: top - tagSize, size: tagSize, maxWidth },
    name: { x: textX, y: top - tagSize - nameSize * 1.5, size: nameSize, maxWidth },
  };
}

/**
 * The longest start of `text` that fits `maxWidth` as measured, with an ellipsis when cut. Binary
 * search, so a long name costs a few measurements, not one per character.
 */
export function truncateToWidth(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const ellipsis = '…';
  const characters = Array.from(text);
  let fits = 0;
  let tooLong = characters.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (measure(characters.slice(0, middle).join('').trimEnd() + ellipsis) <= maxWidth) fits = middle;
    else tooLong = middle;
  }
  return fits === 0 ? '' : characters.slice(0, fits).join('').trimEnd() + ellipsis;
}

/** Logo scaled to fit its box, keeping its proportions, anchored bottom-left. */
export function fitInside(box: Box, width: number, height: number): Box {
  const scale = Math.min(box.width / width, box.height / height);
  return { x: box.x, y: box.y, width: width * scale, height: height * scale };
}
