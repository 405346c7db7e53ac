import QRCode from 'qrcode';
import type { Box } from './layout';

export type ModuleRun = { row: number; column: number; length: number };

/**
 * The dark modules of a QR code as horizontal runs: one rectangle per run instead of one per
 * module keeps a sheet's content stream (and its memory) a few times smaller.
 */
export function qrRuns(text: string): { size: number; runs: ModuleRun[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: ModuleRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** The runs as rectangles in `box` (a square), leaving one module of quiet zone on each side. */
export function qrRectangles(size: number, runs: ModuleRun[], box: Box): Box[] {
  const cell = box.width / (size + 2);
  const top = box.y + box.height - cell;
  return runs.map((run) => ({
    x: box.x + cell * (run.column + 1),
    y: top - cell * (run.row + 1),
    width: cell * run.length,
    height: cell,
  }));
}
