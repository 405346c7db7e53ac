// One PDF of labels in a process of its own, so its peak memory (maxRSS) is its alone. Prints JSON.
import { drawLabels } from '../../lib/labels/draw';
import type { LabelFormat } from '../../lib/labels/formats';

const [format, countText] = process.argv.slice(2) as [LabelFormat, string];
const count = Number(countText);
const rows = Array.from({ length: count }, (_, index) => ({
  assetTag: `A-${String(index + 1).padStart(5, '0')}`,
  name: `Lenovo ThinkPad T14 Gen ${(index % 5) + 1} – desk ${index + 1}, 2nd floor`,
}));

const kilobytes = (value: number) => Math.round(value / 1024);
const before = {
  rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  maxRssMB: kilobytes(process.resourceUsage().maxRSS),
};
const started = performance.now();
const pdf = await drawLabels(rows, { format, logo: null, urlOf: (tag) => `https://it.example.com/itam/a/${tag}` });
const ms = Math.round(performance.now() - started);
console.log(
  JSON.stringify({
    format,
    labels: pdf.labels,
    pages: pdf.pages,
    ms,
    pdfKB: kilobytes(pdf.bytes.byteLength),
    rssBeforeMB: before.rssMB,
    peakRssMB: kilobytes(process.resourceUsage().maxRSS),
    peakRssAddedMB: kilobytes(process.resourceUsage().maxRSS) - before.maxRssMB,
  }),
);
