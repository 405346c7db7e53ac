'use client';
// A client component for its payload, not for state: its props are a few numbers where a server
// component's would be every SVG shape and table cell again, serialized into every page.
import { ChartFigure, chartColors, niceMaximum, type ChartLabels, type TableColumn } from './chart-parts';
import { formatCount } from '@/lib/format-count';

export type BarDatum = { label: string; value: number };

type Props = ChartLabels & {
  data: BarDatum[];
  valueHeader?: string;
  color?: string;
};

const width = 400;
const rowHeight = 30;
const labelWidth = 100;
const valueWidth = 56;

/** Horizontal bars, one per category, each labelled with its name and its value. */
export function BarChart({ data, valueHeader = 'Count', color = chartColors.primary, ...labels }: Props) {
  const maximum = niceMaximum(Math.max(0, ...data.map((datum) => datum.value)));
  const barSpace = width - labelWidth - valueWidth;
  const height = Math.max(data.length, 1) * rowHeight + 8;
  const columns: TableColumn<BarDatum>[] = [
    { header: 'Category', cell: (datum) => datum.label },
    { header: valueHeader, cell: (datum) => formatCount(datum.value) },
  ];
  return (
    <ChartFigure {...labels} width={width} height={height} rows={data} columns={columns}>
      {data.map((datum, index) => {
        const y = 4 + index * rowHeight;
        const barWidth = datum.value === 0 ? 0 : Math.max((datum.value / maximum) * barSpace, 2);
        return (
          <g key={datum.label}>
            <text
              x={labelWidth - 8}
              y={y + rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="13"
              fill={chartColors.text}
            >
              {datum.label}
            </text>
            <rect x={labelWidth} y={y + 5} width={barSpace} height={rowHeight - 10} fill="#f0f2f6" />
            <rect x={labelWidth} y={y + 5} width={barWidth} height={rowHeight - 10} fill={color} />
            <text
              x={labelWidth + barWidth + 6}
              y={y + rowHeight / 2}
              dominantBaseline="middle"
              fontSize="13"
              fontWeight="600"
              fill={chartColors.text}
            >
              {formatCount(datum.value)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
