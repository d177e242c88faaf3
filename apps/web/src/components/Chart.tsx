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

/**
 * A chart with a text alternative: the figures it draws are also in a table next to it, so the image itself is
 * described by its label.
 */
export function Chart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    // The chart clips what overflows it (styles.css, .chart), so its tooltips stay inside it; figures in Vietnamese.
    chart.setOption(
      option.tooltip
        ? { ...option, tooltip: { valueFormatter: (v: number) => formatNumber(v), ...option.tooltip, confine: true } }
        : option,
    );
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
