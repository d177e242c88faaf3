import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Query';
import { formatDate, formatDong, formatShare } from '../../format';
import type { OrderTermsShape } from './orderTerms';
import type { Schemas } from './shared';

type RoundProgress = Schemas['RoundProgressView'];
type Record = Schemas['RecordView'];

function RoundCard({
  round,
  progress,
  record,
  terms,
  withPoints,
}: {
  round: OrderTermsShape['rounds'][number];
  withPoints: boolean;
  progress?: RoundProgress;
  record?: Record;
  terms: OrderTermsShape;
}) {
  const { t } = useTranslation('buyer');
  return (
    <li className="card" data-testid={`round-${round.no}`}>
      <h3>
        {t('progress.round', { no: round.no })} · {formatDate(round.startsAt)} – {formatDate(round.endsAt)} ·{' '}
        {formatShare(round.shareBp / 10_000)}
      </h3>
      <p>
        {record
          ? t('progress.record', {
              status: t(`recordStatus.${record.status}`),
              earned: formatDong(record.earnedCumulative),
            })
          : (progress?.statusVi ?? t('progress.noData'))}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('progress.kpi')}</th>
              {withPoints && <th scope="col">{t('progress.points')}</th>}
              <th scope="col">{t('progress.measured')}</th>
              <th scope="col">{t('progress.attainment')}</th>
              <th scope="col">{t('progress.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.kpis.map((k) => {
              const points = progress?.kpis.find((p) => p.key === k.key);
              const result = record?.results.find((r) => r.key === k.key);
              return (
                <tr key={k.key}>
                  <th scope="row">
                    {k.key} · {k.nameVi}
                  </th>
                  {withPoints && <td>{points ? `${points.points}/${points.requiredPoints}` : '—'}</td>}
                  <td>{result ? `${result.measuredDisplay} ${k.unit}` : '—'}</td>
                  <td>{result ? formatShare(result.attainment) : '—'}</td>
                  <td>{result ? formatDong(result.amount) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </li>
  );
}

/**
 * Per round and KPI: the data points it has and needs, and once evaluated the measured value, attainment and what it
 * earns (from the acceptance record in force). `withPoints` reads the rounds' data counts (not shown to co-funders).
 */
export function OrderProgress({
  orderId,
  terms,
  withPoints,
}: {
  orderId: string;
  terms: OrderTermsShape;
  withPoints: boolean;
}) {
  const { t } = useTranslation('buyer');
  const rounds = useQuery({
    queryKey: ['order-rounds', orderId],
    queryFn: () => data(api.GET('/orders/{orderId}/rounds', { params: { path: { orderId } } })),
    enabled: withPoints,
  });
  const records = useQuery({
    queryKey: ['order-records', orderId],
    queryFn: () => data(api.GET('/orders/{orderId}/acceptance-records', { params: { path: { orderId } } })),
  });
  if ((withPoints && rounds.isPending) || records.isPending) return <Loading />;
  return (
    <>
      {records.isError && <p className="error">{t('progress.failed')}</p>}
      <ul className="stack" data-testid="progress">
        {terms.rounds.map((round) => (
          <RoundCard
            key={round.no}
            round={round}
            terms={terms}
            withPoints={withPoints}
            progress={rounds.data?.find((r) => r.roundNo === round.no)}
            record={records.data?.find((r) => r.roundNo === round.no && r.status !== 'SUPERSEDED')}
          />
        ))}
      </ul>
    </>
  );
}
