import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/categories';
import { api, data } from '../api/client';
import type { components } from '../api/openapi';
import { Chart, palette, type ChartOption } from '../components/Chart';
import { Show } from '../components/Query';
import { formatNumber } from '../format';

type Entry = components['schemas']['RankingEntryView'];

/** The trust interval [L, E] of each vendor as a floating bar, best lower bound first. */
export function intervalChart(entries: Entry[], labels: { lower: string; expected: string }): ChartOption {
  const names = entries.map((e) => e.vendorName).reverse();
  const lower = entries.map((e) => e.lowerBound).reverse();
  const expected = entries.map((e) => e.expected).reverse();
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0, data: [`${labels.lower} → ${labels.expected}`, labels.lower, labels.expected] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: 1 },
    yAxis: { type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: 'base',
        type: 'bar',
        stack: 'interval',
        data: lower,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
      },
      {
        name: `${labels.lower} → ${labels.expected}`,
        type: 'bar',
        stack: 'interval',
        data: expected.map((e, i) => Number((e - lower[i]).toFixed(4))),
        itemStyle: { color: palette[0] },
        barMaxWidth: 18,
        // The bar's length is E − L, not a figure a reader looks for: the tooltip shows L and E.
        tooltip: { show: false },
      },
      {
        name: labels.lower,
        type: 'scatter',
        data: lower,
        symbol: 'rect',
        symbolSize: [3, 20],
        itemStyle: { color: palette[1] },
      },
      { name: labels.expected, type: 'scatter', data: expected, symbolSize: 9, itemStyle: { color: palette[2] } },
    ],
  };
}

export function RankingTable({
  entries,
  onVendor,
  firstColumn,
}: {
  entries: Entry[];
  onVendor?: (entry: Entry) => ReactNode;
  /** The heading of the named column when it shows something other than the vendor. */
  firstColumn?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll" tabIndex={0}>
      <table data-testid="ranking-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{firstColumn ?? t('rankings.vendor')}</th>
            <th scope="col">{t('rankings.lower')}</th>
            <th scope="col">{t('rankings.expected')}</th>
            <th scope="col">{t('rankings.evidence')}</th>
            <th scope="col">{t('rankings.label')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.scope}-${e.vendorOrganisationId}`}>
              <td>{e.rank > 0 ? e.rank : '—'}</td>
              <td>{onVendor ? onVendor(e) : e.vendorName}</td>
              <td>{formatNumber(e.lowerBound)}</td>
              <td>{formatNumber(e.expected)}</td>
              <td>{formatNumber(e.effectiveEvidence, 2)}</td>
              <td>{i18n.language === 'en' ? t(`trust.${e.label}`, { defaultValue: e.label }) : e.labelVi}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Rankings in a scope the reader picks (overall or one category): each vendor's interval [L, E] drawn, then the
 * table. `load` reads the ranking of a category (undefined: overall) from the page's own endpoint.
 */
export function ScopedRankings({
  selectId,
  queryKey,
  load,
  onVendor,
}: {
  selectId: string;
  queryKey: string;
  load: (category: string | undefined) => Promise<Entry[]>;
  onVendor?: (entry: Entry) => ReactNode;
}) {
  const { t } = useTranslation();
  const { categories, nameOf } = useCategories();
  const [scope, setScope] = useState('');
  const rankings = useQuery({ queryKey: [queryKey, scope || '*'], queryFn: () => load(scope || undefined) });
  const option = useMemo(
    () => intervalChart(rankings.data ?? [], { lower: t('rankings.lower'), expected: t('rankings.expected') }),
    [rankings.data, t],
  );
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>{t('rankings.scope')}</label>
        <select id={selectId} value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="">{t('rankings.overall')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {nameOf(c.code)}
            </option>
          ))}
        </select>
      </div>
      <Show query={rankings}>
        {(entries) =>
          entries.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <>
              <Chart option={option} label={t('rankings.chart')} height={Math.max(200, entries.length * 36 + 80)} />
              <RankingTable entries={entries} onVendor={onVendor} />
            </>
          )
        }
      </Show>
    </>
  );
}

/** Public supplier ranking per category, with the uncertainty of each score drawn. */
export default function Rankings() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('rankings.title')}</h1>
      <p className="lead">{t('rankings.lead')}</p>
      <ScopedRankings
        selectId="scope"
        queryKey="rankings"
        load={(category) => data(api.GET('/public/rankings', { params: { query: { category } } }))}
      />
    </>
  );
}
