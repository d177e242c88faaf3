import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Show } from '../../components/Query';
import { formatDateTime, formatDecimal, formatDong, formatShare } from '../../format';
import { DisputeForm } from './DisputeForm';

type Record = components['schemas']['RecordView'];

/** An order's rounds, each acceptance record with the data and explanation behind every KPI, disputes and payments. */
export function AcceptanceRecords({ orderId }: { orderId: string }) {
  const { t } = useTranslation('vendor');
  const path = { params: { path: { orderId } } };
  const progress = useQuery({
    queryKey: ['vendor', 'order-progress', orderId],
    queryFn: async () => {
      const [rounds, records, disputes, settlements] = await Promise.all([
        data(api.GET('/orders/{orderId}/rounds', path)),
        data(api.GET('/orders/{orderId}/acceptance-records', path)),
        data(api.GET('/orders/{orderId}/disputes', path)),
        data(api.GET('/orders/{orderId}/settlements', path)),
      ]);
      return { rounds, records, disputes, settlements };
    },
  });
  return (
    <Show query={progress}>
      {({ rounds, records, disputes, settlements }) => (
        <>
          <section aria-labelledby="records">
            <h2 id="records">{t('records.title')}</h2>
            {rounds.map((round) => {
              const roundRecords = records.filter((r) => r.roundNo === round.roundNo);
              return (
                <article key={round.roundNo} className="card" data-testid={`round-${round.roundNo}`}>
                  <h3>
                    {t('order.round', { n: round.roundNo })} — {round.statusVi}
                  </h3>
                  {roundRecords.length === 0 && (
                    <ul>
                      {round.kpis.map((k) => (
                        <li key={k.key}>
                          {k.key} · {k.nameVi}: {t('records.points', { points: k.points, required: k.requiredPoints })}
                        </li>
                      ))}
                    </ul>
                  )}
                  {roundRecords.map((record) => (
                    <RecordCard
                      key={record.id}
                      record={record}
                      orderId={orderId}
                      disputed={disputes.some((d) => d.recordId === record.id)}
                    />
                  ))}
                </article>
              );
            })}
          </section>
          {disputes.length > 0 && (
            <section aria-labelledby="disputes">
              <h2 id="disputes">{t('disputes.title')}</h2>
              <ul className="stack">
                {disputes.map((d) => (
                  <li key={d.id} className="card">
                    {t('order.round', { n: d.roundNo })} · {t(`disputeStatus.${d.status}`)} ·{' '}
                    {formatDateTime(d.openedAt)}
                    <p>{d.reason}</p>
                    <ul>
                      {d.evidence.map((e) => (
                        <li key={e.sha256}>
                          {e.name} — SHA-256 <code className="hash">{e.sha256}</code>
                        </li>
                      ))}
                    </ul>
                    {d.resolutionNote && <p>{t('disputes.resolution', { note: d.resolutionNote })}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="settlements">
            <h2 id="settlements">{t('settlements.title')}</h2>
            {settlements.length === 0 ? (
              <p>{t('settlements.none')}</p>
            ) : (
              <ul data-testid="settlements">
                {settlements.map((s) => (
                  <li key={`${s.roundNo}-${s.recordVersion}`}>
                    {t('order.round', { n: s.roundNo })}: {formatDong(s.amount)} (
                    {t('settlements.cumulative', { amount: formatDong(s.paidCumulative) })}) —{' '}
                    {formatDateTime(s.settledAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Show>
  );
}

function RecordCard({ record, orderId, disputed }: { record: Record; orderId: string; disputed: boolean }) {
  const { t } = useTranslation('vendor');
  const windowOpen =
    record.status === 'SIGNED' && !!record.disputeDeadline && Date.parse(record.disputeDeadline) > Date.now();
  return (
    <div data-testid="record">
      <p>
        {t('records.version', { version: record.version })} · {t(`recordStatus.${record.status}`)} ·{' '}
        {t('records.earned', { amount: formatDong(record.earnedCumulative) })}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">{t('records.data')}</th>
              <th scope="col">{t('records.measured')}</th>
              <th scope="col">{t('records.attainment')}</th>
              <th scope="col">{t('records.payFraction')}</th>
              <th scope="col">{t('records.amount')}</th>
              <th scope="col">{t('records.explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {record.results.map((k) => (
              <tr key={k.key}>
                <td>
                  {k.key} · {k.nameVi}
                </td>
                <td>
                  {t('records.dataPoints', {
                    points: k.points,
                    required: k.requiredPoints,
                    aggregation: k.aggregation,
                  })}
                </td>
                <td className="num">
                  {k.measuredDisplay} {k.unit}
                  <br />
                  <span className="muted">
                    {t('records.range', {
                      baseline: k.baseline ? formatDecimal(k.baseline) : '—',
                      target: formatDecimal(k.target),
                    })}
                  </span>
                </td>
                <td className="num">{formatShare(k.attainment)}</td>
                <td className="num">{formatShare(k.payFraction)}</td>
                <td className="num">{formatDong(k.amount)}</td>
                <td>{k.reasonVi}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {t('records.files')}:{' '}
        {record.batchHashes.map((h) => (
          <code key={h} className="hash">
            {h}{' '}
          </code>
        ))}
      </p>
      {record.disputeDeadline && (
        <p data-testid="dispute-deadline">
          {windowOpen
            ? t('records.windowOpen', { at: formatDateTime(record.disputeDeadline) })
            : t('records.windowClosed', { at: formatDateTime(record.disputeDeadline) })}
        </p>
      )}
      {windowOpen && !disputed && <DisputeForm orderId={orderId} roundNo={record.roundNo} />}
    </div>
  );
}
