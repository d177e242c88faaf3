import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblemTitles } from '../api/lookups';
import { fetchAll, type PublicAcceptance, type PublicPayment } from '../api/public';
import { Facts } from '../components/Facts';
import { Show } from '../components/Query';
import { formatDate, formatDecimal, formatDong, formatShare } from '../format';

/** Signed contracts with their acceptance results per round and every payment. */
export default function Contracts() {
  const { t } = useTranslation();
  const problemTitle = useProblemTitles();
  const contracts = useQuery({
    queryKey: ['public', 'contracts'],
    queryFn: async () => {
      const [orders, results, payments] = await Promise.all([
        fetchAll('/public/orders'),
        fetchAll('/public/acceptance-results'),
        fetchAll('/public/payments'),
      ]);
      return { orders, results, payments };
    },
  });
  return (
    <>
      <h1>{t('contracts.title')}</h1>
      <Show query={contracts}>
        {({ orders, results, payments }) =>
          orders.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <ul className="stack" data-testid="contracts">
              {orders.map((o) => (
                <li key={o.id} className="card">
                  <h2>{problemTitle(o.problem_id)}</h2>
                  <Facts
                    facts={[
                      [t('contracts.agency'), o.agency_name],
                      [t('contracts.vendor'), o.vendor_name],
                      [t('contracts.max'), formatDong(o.max_amount)],
                      [
                        t('contracts.status'),
                        `${t(`orderStatus.${o.status}`, { defaultValue: o.status })}${o.trial ? ` · ${t('contracts.trial')}` : ''}`,
                      ],
                      [t('contracts.period'), `${formatDate(o.terms.startsAt)} – ${formatDate(o.terms.endsAt)}`],
                    ]}
                  />
                  <Results records={results.filter((r) => r.order_id === o.id)} />
                  <Payments payments={payments.filter((p) => p.order_id === o.id)} />
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}

function Results({ records }: { records: PublicAcceptance[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="muted">{t('contracts.noResults')}</p>;
  return (
    <>
      <h3>{t('contracts.results')}</h3>
      {[...records]
        .sort((a, b) => a.round_no - b.round_no)
        .map((r) => (
          <div key={r.id} className="table-scroll" tabIndex={0}>
            <table>
              <caption>
                {t('contracts.round', { n: r.round_no })} · {formatDate(r.evaluated_at)} · {t('contracts.earned')}:{' '}
                {formatDong(r.earned_cumulative)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">KPI</th>
                  <th scope="col">{t('problems.baselineTarget')}</th>
                  <th scope="col">{t('contracts.measured')}</th>
                  <th scope="col">{t('contracts.attainment')}</th>
                  <th scope="col">{t('contracts.payFraction')}</th>
                </tr>
              </thead>
              <tbody>
                {(r.results ?? []).map((k) => (
                  <tr key={k.key}>
                    <td>{k.nameVi}</td>
                    <td>
                      {k.baseline === null ? '—' : formatDecimal(k.baseline)} → {formatDecimal(k.target)} {k.unit}
                    </td>
                    <td>
                      {formatDecimal(k.measured)} {k.unit}
                    </td>
                    <td>{formatShare(k.attainment)}</td>
                    <td>{formatShare(k.payFraction)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

function Payments({ payments }: { payments: PublicPayment[] }) {
  const { t } = useTranslation();
  if (payments.length === 0) return <p className="muted">{t('contracts.noPayments')}</p>;
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption>{t('contracts.payments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contracts.date')}</th>
            <th scope="col">{t('contracts.kind')}</th>
            <th scope="col">{t('contracts.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {[...payments]
            .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at))
            .map((p) => {
              return (
                <tr key={`${p.kind}-${p.id}`} className={p.kind === 'clawback' ? 'clawback' : undefined}>
                  <td>{formatDate(p.occurred_at)}</td>
                  <td>
                    {t(`paymentKind.${p.kind}`)}
                    {p.round_no !== null && ` · ${t('contracts.round', { n: p.round_no })}`}
                  </td>
                  <td className="num">{formatDong(p.amount)}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}
