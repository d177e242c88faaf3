import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../format';

// Only the pieces the pages draw; this module is imported by chart pages only, so the first page never loads it.
echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

// ECharts passes formatters an index after the value: it must not reach formatNumber's digits.
const vietnamese = (value: number) => formatNumber(value);

type Axis = { type?: string; axisLabel?: { formatter?: unknown } };

/** A value axis's numbers as Vietnamese writes them (ECharts writes "10,000"), unless the page formats them itself. */
function localisedAxis(given: unknown): unknown {
  const axis = given as Axis | undefined;
  if (axis?.type !== 'value' || axis.axisLabel?.formatter) return given;
  return { ...axis, axisLabel: { ...axis.axisLabel, formatter: vietnamese } };
}

/**
 * Figures written the Vietnamese way on value axes and in tooltips; the chart clips what overflows it (styles.css,
 * .chart), so its tooltips are kept inside it.
 */
function localised(option: ChartOption): ChartOption {
  return {
    ...option,
    ...('xAxis' in option ? { xAxis: localisedAxis(option.xAxis) } : {}),
    ...('yAxis' in option ? { yAxis: localisedAxis(option.yAxis) } : {}),
    ...(option.tooltip ? { tooltip: { valueFormatter: vietnamese, ...option.tooltip, confine: true } } : {}),
  };
}

/**
 * A chart with a text alternative: the figures it draws are also in a table next to it, so the image itself is
 * described by its label.
 */
export function Chart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(localised(option));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} className="chart" style={{ height }} />;
}

/** Colours with at least 3:1 contrast on white (WCAG non-text contrast). */
export const palette = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'];
