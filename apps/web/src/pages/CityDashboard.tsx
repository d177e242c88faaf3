import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCategories } from '../api/categories';
import { api, data } from '../api/client';
import type { components } from '../api/openapi';
import { fetchAll, type PublicAcceptance, type PublicOrder, type PublicProblem } from '../api/public';
import { useHasRole, useSession } from '../auth/use-session';
import { Chart, palette, type ChartOption } from '../components/Chart';
import { Show } from '../components/Query';
import {
  formatDateTime,
  formatDecimal,
  formatDong,
  formatDuration,
  formatLeverage,
  formatNumber,
  formatShare,
} from '../format';
import { paths } from '../paths';
import { ScopedRankings } from './Rankings';

type Target = components['schemas']['TargetFigureView'];
type Money = components['schemas']['MoneyFigureView'];

/** A target's figure as the plan writes it: counts as numbers, seed-capital leverage as "1 : N". */
export const targetText = (target: Target, value: number) =>
  target.key === 'leverage' ? formatLeverage(value) : formatNumber(value, 0);

/** The city leader's dashboard; every figure is the API's (GET /city/dashboard, /city/rankings, public lists). */
export default function CityDashboard() {
  const { t, i18n } = useTranslation();
  const signedIn = useSession();
  const allowed = useHasRole('CITY_VIEWER', 'OPERATOR_ADMIN');
  const dashboard = useQuery({
    queryKey: ['city', 'dashboard'],
    queryFn: () => data(api.GET('/city/dashboard')),
    enabled: allowed,
  });
  if (!signedIn) return <Navigate to={paths.login} state={{ from: paths.dashboard }} replace />;
  if (!allowed) return <p role="alert">{t('city.forbidden')}</p>;
  const en = i18n.language === 'en';
  const units = {
    day: t('city.units.day'),
    hour: t('city.units.hour'),
    minute: t('city.units.minute'),
    second: t('city.units.second'),
  };
  return (
    <>
      <h1>{t('city.title')}</h1>
      <Show query={dashboard}>
        {(d) => (
          <>
            <p className="muted">{t('city.asOf', { at: formatDateTime(d.asOf) })}</p>
            <section aria-labelledby="targets">
              <h2 id="targets">{t('city.targets')}</h2>
              <ul className="figures" data-testid="targets">
                {d.targets.map((target) => (
                  <li key={target.key} className={target.met ? 'met' : 'not-met'}>
                    <span className="figure-label">{en ? target.labelEn : target.labelVi}</span>
                    <span className="figure-value" data-testid={`target-${target.key}-actual`}>
                      {targetText(target, target.actual)}
                    </span>
                    <span className="muted">
                      {t('city.target')}:{' '}
                      <span data-testid={`target-${target.key}-target`}>{targetText(target, target.target)}</span> ·{' '}
                      {target.met ? t('city.met') : t('city.notMet')}
                    </span>
                  </li>
                ))}
              </ul>
              <TargetCharts targets={d.targets} />
            </section>
            <section aria-labelledby="money">
              <h2 id="money">{t('city.money')}</h2>
              <MoneyFigures money={d.money.total} />
              <MoneyOverTime />
              <MoneyByCategory rows={d.money.byCategory} />
            </section>
            <section aria-labelledby="flow">
              <h2 id="flow">{t('city.flow')}</h2>
              <dl className="facts">
                {(
                  [
                    ['uploadToPayment', d.flow.uploadToPayment],
                    ['callToOrder', d.flow.callToOrder],
                  ] as const
                ).map(([key, figure]) => (
                  <div key={key}>
                    <dt>{t(`city.${key}`)}</dt>
                    <dd>
                      {t('city.median')}:{' '}
                      <span data-testid={`${key}-median`}>
                        {figure.medianSeconds === null ? '—' : formatDuration(figure.medianSeconds, units)}
                      </span>
                      {' · '}
                      {t('city.p90')}:{' '}
                      <span data-testid={`${key}-p90`}>
                        {figure.p90Seconds === null ? '—' : formatDuration(figure.p90Seconds, units)}
                      </span>
                      {' · '}
                      {t('city.count')}: {figure.count}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <KpiProgress />
            <CategoryRankings />
            {(en ? d.notesEn : d.notesVi).length > 0 && (
              <section aria-labelledby="notes">
                <h2 id="notes">{t('city.notes')}</h2>
                <ul>
                  {(en ? d.notesEn : d.notesVi).map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Show>
    </>
  );
}

function TargetCharts({ targets }: { targets: Target[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const progress = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: targets.map((x) => (en ? x.labelEn : x.labelVi)),
        axisLabel: { width: 150, overflow: 'break', lineHeight: 16 },
      },
      xAxis: { type: 'value' },
      series: [
        { name: t('city.actual'), type: 'bar', data: targets.map((x) => x.actual), itemStyle: { color: palette[0] } },
        { name: t('city.target'), type: 'bar', data: targets.map((x) => x.target), itemStyle: { color: palette[1] } },
      ],
    }),
    [targets, en, t],
  );
  const months = [...new Set(targets.flatMap((x) => x.series.map((p) => p.month)))].sort();
  const series = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: targets.map((x, i) => ({
        name: en ? x.labelEn : x.labelVi,
        type: 'line',
        data: months.map((m) => x.series.find((p) => p.month === m)?.value ?? null),
        connectNulls: true,
        itemStyle: { color: palette[i % palette.length] },
      })),
    }),
    [targets, en, months.join()],
  );
  return (
    <div className="charts">
      <Chart option={progress} label={t('city.targetsChart')} />
      <Chart option={series} label={t('city.series')} />
    </div>
  );
}

function MoneyFigures({ money }: { money: Money }) {
  const { t } = useTranslation();
  const figures: Array<[string, string, string]> = [
    ['committed', t('city.committed'), formatDong(money.committed)],
    ['paid', t('city.paid'), formatDong(money.paid)],
    ['released', t('city.released'), formatDong(money.released)],
    ['clawedBack', t('city.clawedBack'), formatDong(money.clawedBack)],
    ['shareByResults', t('city.shareByResults'), formatShare(money.shareByResults)],
  ];
  return (
    <dl className="figures">
      {figures.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`money-${key}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const monthOf = (instant: string) => instant.slice(0, 7);

/** Cumulative money by month from the public lists: escrow committed at signing, payments, releases. */
function MoneyOverTime() {
  const { t } = useTranslation();
  const flows = useQuery({
    queryKey: ['city', 'money-over-time'],
    queryFn: async () => {
      const [orders, payments] = await Promise.all([fetchAll('/public/orders'), fetchAll('/public/payments')]);
      const events: Array<[string, 'committed' | 'paid' | 'released', bigint]> = [
        ...orders
          .filter((o) => o.activated_at)
          .map((o): [string, 'committed', bigint] => [monthOf(o.activated_at!), 'committed', BigInt(o.max_amount)]),
        ...payments
          .filter((p) => p.kind !== 'disbursement')
          .map((p): [string, 'paid' | 'released', bigint] => [
            monthOf(p.occurred_at),
            p.kind === 'release' ? 'released' : 'paid',
            BigInt(p.amount),
          ]),
      ];
      const months = [...new Set(events.map(([m]) => m))].sort();
      const totals = { committed: 0n, paid: 0n, released: 0n };
      return months.map((month) => {
        for (const [m, kind, amount] of events) if (m === month) totals[kind] += amount;
        return { month, ...totals };
      });
    },
  });
  const option = useMemo<ChartOption>(() => {
    const rows = flows.data ?? [];
    const million = (v: bigint) => Number(v / 1_000_000n);
    return {
      grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value', name: 'triệu đ' },
      series: (['committed', 'paid', 'released'] as const).map((key, i) => ({
        name: t(`city.${key}`),
        type: 'line',
        data: rows.map((r) => million(r[key])),
        itemStyle: { color: palette[i] },
      })),
    };
  }, [flows.data, t]);
  return (
    <>
      <h3>{t('city.moneyOverTime')}</h3>
      <Show query={flows}>{() => <Chart option={option} label={t('city.moneyOverTime')} />}</Show>
    </>
  );
}

function MoneyByCategory({ rows }: { rows: Money[] }) {
  const { t } = useTranslation();
  const { nameOf } = useCategories();
  return (
    <div className="table-scroll" tabIndex={0}>
      <table data-testid="money-by-category">
        <caption>{t('city.byCategory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.category')}</th>
            <th scope="col">{t('city.committed')}</th>
            <th scope="col">{t('city.paid')}</th>
            <th scope="col">{t('city.released')}</th>
            <th scope="col">{t('city.shareByResults')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{nameOf(r.key)}</td>
              <td className="num">{formatDong(r.committed)}</td>
              <td className="num">{formatDong(r.paid)}</td>
              <td className="num">{formatDong(r.released)}</td>
              <td className="num">{formatShare(r.shareByResults)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest signed measurement of each KPI of a problem, over the problem's orders. */
function latestMeasured(problem: PublicProblem, orders: PublicOrder[], records: PublicAcceptance[]) {
  const orderIds = new Set(orders.filter((o) => o.problem_id === problem.id).map((o) => o.id));
  const latest = new Map<string, string>();
  for (const record of [...records]
    .filter((r) => orderIds.has(r.order_id))
    .sort((a, b) => a.evaluated_at.localeCompare(b.evaluated_at)))
    for (const result of record.results ?? []) latest.set(result.key, result.measured);
  return latest;
}

function KpiProgress() {
  const { t, i18n } = useTranslation();
  const progress = useQuery({
    queryKey: ['city', 'kpi-progress'],
    queryFn: async () => {
      const [problems, orders, records] = await Promise.all([
        fetchAll('/public/problems'),
        fetchAll('/public/orders'),
        fetchAll('/public/acceptance-results'),
      ]);
      return problems
        .map((problem) => ({ problem, measured: latestMeasured(problem, orders, records) }))
        .filter(({ measured }) => measured.size > 0);
    },
  });
  return (
    <section aria-labelledby="kpi-progress">
      <h2 id="kpi-progress">{t('city.kpiProgress')}</h2>
      <Show query={progress}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table data-testid="kpi-progress">
                <thead>
                  <tr>
                    <th scope="col">{t('calls.problem')}</th>
                    <th scope="col">KPI</th>
                    <th scope="col">{t('city.baseline')}</th>
                    <th scope="col">{t('city.target')}</th>
                    <th scope="col">{t('city.measured')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.flatMap(({ problem, measured }) =>
                    problem.kpis.map((k) => (
                      <tr key={`${problem.id}-${k.code}`}>
                        <td>{problem.code}</td>
                        <td>{i18n.language === 'en' ? k.nameEn : k.nameVi}</td>
                        <td>{k.baseline === null ? '—' : `${formatDecimal(k.baseline)} ${k.unit}`}</td>
                        <td>
                          {formatDecimal(k.target)} {k.unit}
                        </td>
                        <td>
                          {measured.has(k.code)
                            ? `${formatDecimal(measured.get(k.code)!)} ${k.unit}`
                            : t('city.notMeasured')}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </section>
  );
}

function CategoryRankings() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="city-rankings">
      <h2 id="city-rankings">{t('city.rankings')}</h2>
      <ScopedRankings
        selectId="city-scope"
        queryKey="city-rankings"
        load={(category) => data(api.GET('/city/rankings', { params: { query: { category } } }))}
        onVendor={(e) => <Link to={paths.vendorTrust(e.vendorOrganisationId)}>{e.vendorName}</Link>}
      />
    </section>
  );
}
