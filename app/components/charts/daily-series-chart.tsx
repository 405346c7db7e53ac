'use client';
// A client component for its payload, not for state: its props are a few numbers where a server
// component's would be every SVG shape and table cell again, serialized into every page.
import { ChartFigure, chartColors, niceMaximum, type ChartLabels, type TableColumn } from './chart-parts';

export type DailyPoint = { day: string; primary: number; secondary: number };

type Props = ChartLabels & {
  data: DailyPoint[];
  /** Drawn as columns. */
  primaryLabel: string;
  /** Drawn as a line with dots. */
  secondaryLabel: string;
};

const width = 900;
const height = 260;
const margin = { top: 16, right: 12, bottom: 44, left: 40 };

/** One column series and one line series over days, with a legend and a labelled axis. */
export function DailySeriesChart({ data, primaryLabel, secondaryLabel, ...labels }: Props) {
  const maximum = niceMaximum(Math.max(0, ...data.flatMap((point) => [point.primary, point.secondary])));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / Math.max(data.length, 1);
  const y = (value: number) => margin.top + plotHeight - (value / maximum) * plotHeight;
  const x = (index: number) => margin.left + slot * index + slot / 2;
  const ticks = [0, maximum / 2, maximum].filter(
    (tick, index, all) => Number.isInteger(tick) && all.indexOf(tick) === index,
  );
  const line = data
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.secondary).toFixed(1)}`)
    .join(' ');
  const legendY = height - 10;
  const columns: TableColumn<DailyPoint>[] = [
    { header: 'Day (UTC)', cell: (point) => point.day },
    { header: primaryLabel, cell: (point) => point.primary },
    { header: secondaryLabel, cell: (point) => point.secondary },
  ];
  return (
    // On a narrow screen the chart scrolls sideways rather than shrinking its labels away.
    <ChartFigure {...labels} width={width} height={height} minWidth={560} rows={data} columns={columns}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={chartColors.grid} />
          <text
            x={margin.left - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize="12"
            fill={chartColors.muted}
          >
            {tick}
          </text>
        </g>
      ))}
      {data.map((point, index) => (
        <rect
          key={point.day}
          x={x(index) - slot * 0.35}
          y={y(point.primary)}
          width={slot * 0.7}
          height={Math.max(y(0) - y(point.primary), 0)}
          fill={chartColors.primary}
        />
      ))}
      <path d={line} fill="none" stroke={chartColors.secondary} strokeWidth="2.5" />
      {data.map((point, index) => (
        <circle key={point.day} cx={x(index)} cy={y(point.secondary)} r="3" fill={chartColors.secondary} />
      ))}
      {data.map((point, index) =>
        index % 5 === 0 || index === data.length - 1 ? (
          <text
            key={point.day}
            x={x(index)}
            y={margin.top + plotHeight + 16}
            textAnchor="middle"
            fontSize="12"
            fill={chartColors.muted}
          >
            {point.day.slice(5)}
          </text>
        ) : null,
      )}
      <rect x={margin.left} y={legendY - 10} width="12" height="12" fill={chartColors.primary} />
      <text x={margin.left + 18} y={legendY} fontSize="13" fill={chartColors.text}>
        {primaryLabel}
      </text>
      <line
        x1={margin.left + 150}
        x2={margin.left + 170}
        y1={legendY - 4}
        y2={legendY - 4}
        stroke={chartColors.secondary}
        strokeWidth="2.5"
      />
      <circle cx={margin.left + 160} cy={legendY - 4} r="3" fill={chartColors.secondary} />
      <text x={margin.left + 176} y={legendY} fontSize="13" fill={chartColors.text}>
        {secondaryLabel}
      </text>
    </ChartFigure>
  );
}
