import { importColumns } from '../../lib/assets/csv-import-rows';

/** A valid import file of `rows` new assets, tagged `${prefix}-00001` onwards, every column filled. */
export function assetCsv(rows: number, prefix: string): string {
  const lines = [importColumns.join(',')];
  for (let index = 1; index <= rows; index++) {
    const tag = `${prefix}-${String(index).padStart(5, '0')}`;
    const day = String((index % 28) + 1).padStart(2, '0');
    lines.push(
      [
        tag,
        `Laptop ${index}`,
        'Laptop',
        'Lenovo',
        'ThinkPad T14',
        `SN-${tag}`,
        'in_stock',
        `Room ${index % 40}`,
        `2024-03-${day}`,
        '1299.00',
        `2027-03-${day}`,
        '"Imported, with a comma"',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
