// Label stock the app prints on. Every measure is in PDF points (1/72 inch), origin bottom-left, as
// pdf-lib draws. Sheet figures are the stock makers' published ones.

const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const inch = (inches: number) => inches * 72;

export const labelFormats = ['a4-3x8', 'letter-5160', 'roll-62x29', 'roll-89x36'] as const;
export type LabelFormat = (typeof labelFormats)[number];

export type LabelStock = {
  label: string;
  page: { width: number; height: number };
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** The top-left label's left and top edges, measured from the page's left and top. */
  marginLeft: number;
  marginTop: number;
  /** From one label's left (top) edge to the next one's. */
  pitchX: number;
  pitchY: number;
};

function sheet(
  label: string,
  page: { width: number; height: number },
  grid: Omit<LabelStock, 'label' | 'page'>,
): LabelStock {
  return { label, page, ...grid };
}

/** One label per page: the page is the label (a roll printer feeds the next one). */
function roll(label: string, width: number, height: number): LabelStock {
  return sheet(
    label,
    { width, height },
    {
      columns: 1,
      rows: 1,
      labelWidth: width,
      labelHeight: height,
      marginLeft: 0,
      marginTop: 0,
      pitchX: width,
      pitchY: height,
    },
  );
}

export const labelStocks: Record<LabelFormat, LabelStock> = {
  // Avery L7159: 24 labels of 63.5 × 33.9 mm.
  'a4-3x8': sheet(
    'A4, 3 × 8 (63.5 × 33.9 mm, Avery L7159)',
    { width: mm(210), height: mm(297) },
    {
      columns: 3,
      rows: 8,
      labelWidth: mm(63.5),
      labelHeight: mm(33.9),
      marginLeft: mm(7.25),
      marginTop: mm(12.9),
      pitchX: mm(66),
      pitchY: mm(33.9),
    },
  ),
  // Avery 5160: 30 labels of 2⅝ × 1 inch.
  'letter-5160': sheet(
    'Letter, 3 × 10 (2⅝ × 1 in, Avery 5160)',
    { width: inch(8.5), height: inch(11) },
    {
      columns: 3,
      rows: 10,
      labelWidth: inch(2.625),
      labelHeight: inch(1),
      marginLeft: inch(0.1875),
      marginTop: inch(0.5),
      pitchX: inch(2.75),
      pitchY: inch(1),
    },
  ),
  'roll-62x29': roll('Roll, one label per page, 62 × 29 mm (Brother DK-11209)', mm(62), mm(29)),
  'roll-89x36': roll('Roll, one label per page, 89 × 36 mm (Dymo 99012)', mm(89), mm(36)),
};

export const labelsPerPage = (stock: LabelStock) => stock.columns * stock.rows;

export const pageCountFor = (stock: LabelStock, labels: number) => Math.ceil(labels / labelsPerPage(stock));
