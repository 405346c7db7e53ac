import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { labelStocks, pageCountFor } from '../../lib/labels/formats';
import { fitInside, labelParts, labelSlot, truncateToWidth } from '../../lib/labels/layout';
import { qrRectangles, qrRuns } from '../../lib/labels/qr-path';

const mm = (points: number) => (points * 25.4) / 72;
const close = (actual: number, expected: number, message?: string) =>
  assert.ok(Math.abs(actual - expected) < 0.01, `${message ?? ''} ${actual} ≠ ${expected}`);

describe('label positions per format', () => {
  test('Avery 5160 on Letter: 3 × 10, half an inch from the top, 3/16 inch from the left', () => {
    const stock = labelStocks['letter-5160'];
    const first = labelSlot(stock, 0);
    assert.equal(first.page, 0);
    close(first.box.x, 13.5);
    close(first.box.y + first.box.height, 792 - 36, 'top edge');
    close(first.box.width, 189);
    close(first.box.height, 72);
    const third = labelSlot(stock, 2);
    close(third.box.x, 13.5 + 2 * 198, 'third column');
    close(third.box.y, first.box.y, 'same row');
    const last = labelSlot(stock, 29);
    assert.equal(last.page, 0);
    close(last.box.y, 36, 'bottom row ends half an inch above the edge');
    close(last.box.x + last.box.width, 612 - 13.5, 'right column ends 3/16 inch from the right edge');
    const next = labelSlot(stock, 30);
    assert.equal(next.page, 1);
    assert.deepEqual(next.box, first.box);
  });

  test('A4 3 × 8: every label inside the page, 24 per page', () => {
    const stock = labelStocks['a4-3x8'];
    for (let index = 0; index < 24; index++) {
      const { page, box } = labelSlot(stock, index);
      assert.equal(page, 0);
      assert.ok(box.x >= 0 && box.x + box.width <= stock.page.width, `label ${index} fits across`);
      assert.ok(box.y >= 0 && box.y + box.height <= stock.page.height, `label ${index} fits down`);
    }
    close(mm(labelSlot(stock, 0).box.x), 7.25);
    close(mm(stock.page.height - labelSlot(stock, 23).box.y), 12.9 + 8 * 33.9, 'bottom of the last row');
    assert.equal(labelSlot(stock, 24).page, 1);
  });

  test('a roll prints one label per page, the page being the label', () => {
    for (const format of ['roll-62x29', 'roll-89x36'] as const) {
      const stock = labelStocks[format];
      const slot = labelSlot(stock, 5);
      assert.equal(slot.page, 5);
      assert.deepEqual(slot.box, { x: 0, y: 0, width: stock.page.width, height: stock.page.height });
    }
    close(mm(labelStocks['roll-62x29'].page.width), 62);
    close(mm(labelStocks['roll-89x36'].page.height), 36);
  });

  test('page counts', () => {
    assert.equal(pageCountFor(labelStocks['a4-3x8'], 1000), 42);
    assert.equal(pageCountFor(labelStocks['letter-5160'], 1000), 34);
    assert.equal(pageCountFor(labelStocks['roll-62x29'], 1000), 1000);
    assert.equal(pageCountFor(labelStocks['letter-5160'], 30), 1);
  });
});

describe('inside a label', () => {
  test('the QR code is a square within the label; the text starts right of it and stays inside', () => {
    for (const stock of Object.values(labelStocks)) {
      const box = labelSlot(stock, 0).box;
      const parts = labelParts(box, true);
      close(parts.qr.width, parts.qr.height);
      assert.ok(parts.qr.x > box.x && parts.qr.y > box.y);
      assert.ok(parts.qr.y + parts.qr.height < box.y + box.height);
      assert.ok(parts.tag.x > parts.qr.x + parts.qr.width);
      assert.ok(parts.tag.x + parts.tag.maxWidth < box.x + box.width);
      assert.ok(parts.name.y < parts.tag.y, 'name under the tag');
      assert.ok(parts.logo && parts.logo.y + parts.logo.height < parts.name.y, 'logo under the name');
    }
  });

  test('without a logo there is no logo box', () => {
    assert.equal(labelParts(labelSlot(labelStocks['a4-3x8'], 0).box, false).logo, null);
  });

  test('a logo keeps its proportions inside its box', () => {
    const placed = fitInside({ x: 10, y: 20, width: 100, height: 20 }, 400, 200);
    assert.deepEqual(placed, { x: 10, y: 20, width: 40, height: 20 });
  });

  test('the QR code has a quiet zone of one module on each side', () => {
    const { size, runs } = qrRuns('https://it.example.com/a/A-00042');
    assert.ok(size >= 21);
    const cells = qrRectangles(size, runs, { x: 0, y: 0, width: size + 2, height: size + 2 });
    assert.ok(cells.every((cell) => cell.x >= 1 && cell.x + cell.width <= size + 1));
    assert.ok(cells.every((cell) => cell.y >= 1 && cell.y + cell.height <= size + 1));
  });
});

describe('truncation', () => {
  const measure = (text: string) => text.length * 10; // 10 points a character

  test('text that fits is kept whole', () => {
    assert.equal(truncateToWidth('Laptop', 60, measure), 'Laptop');
  });

  test('a long name is cut with an ellipsis, within the width', () => {
    const cut = truncateToWidth('ThinkPad X1 Carbon Gen 12', 100, measure);
    assert.equal(cut, 'ThinkPad…');
    assert.ok(measure(cut) <= 100);
  });

  test('no trailing space before the ellipsis', () => {
    assert.equal(truncateToWidth('Dell XPS 13 laptop', 60, measure), 'Dell…');
  });

  test('nothing fits: nothing is drawn', () => {
    assert.equal(truncateToWidth('Laptop', 5, measure), '');
  });

  test('characters outside the basic plane are not split', () => {
    const cut = truncateToWidth('😀😀😀😀😀😀', 40, measure);
    assert.ok(!cut.includes('\ud83d…'));
  });
});
