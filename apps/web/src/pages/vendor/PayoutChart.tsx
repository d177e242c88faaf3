import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/openapi';
import { Chart, palette, type ChartOption } from '../../components/Chart';
import { formatDong, formatShare } from '../../format';

type Level = components['schemas']['PayoutLevelView'];

/** What each attainment level pays per round and in total, drawn and written out (the table is the text form). */
export function PayoutChart({ levels }: { levels: Level[] }) {
  const { t } = useTranslation('vendor');
  const rounds = levels[0]?.perRound.length ?? 0;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 32, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatDong(BigInt(v)) },
      xAxis: {
        type: 'category',
        name: t('simulator.attainment'),
        nameLocation: 'middle',
        nameGap: 24,
        data: levels.map((l) => formatShare(l.level, 0)),
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v / 1e6).toLocaleString('vi-VN')} tr` } },
      series: [
        ...Array.from({ length: rounds }, (_, r) => ({
          name: t('simulator.round', { n: r + 1 }),
          type: 'bar',
          stack: 'rounds',
          data: levels.map((l) => Number(l.perRound[r])),
          itemStyle: { color: palette[(r + 1) % palette.length] },
        })),
        {
          name: t('simulator.total'),
          type: 'line',
          data: levels.map((l) => Number(l.total)),
          itemStyle: { color: palette[0] },
        },
      ],
    }),
    [levels, rounds, t],
  );
  return (
    <figure className="simulator" data-testid="payout-simulator">
      <Chart option={option} label={t('simulator.label')} />
      <figcaption>{t('simulator.caption')}</figcaption>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('simulator.attainment')}</th>
              {Array.from({ length: rounds }, (_, r) => (
                <th key={r} scope="col">
                  {t('simulator.round', { n: r + 1 })}
                </th>
              ))}
              <th scope="col">{t('simulator.delivery')}</th>
              <th scope="col">{t('simulator.total')}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.level}>
                <td>{formatShare(l.level, 0)}</td>
                {l.perRound.map((amount, r) => (
                  <td key={r} className="num">
                    {formatDong(amount)}
                  </td>
                ))}
                <td className="num">{formatDong(l.delivery)}</td>
                <td className="num">{formatDong(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
