import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data, everyPage } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { Show } from '../../components/Query';
import { formatDateTime } from '../../format';
import { officerPaths } from './paths';
import { termsOf, type AcceptanceRecord, type OrderSummary } from './officer-api';

/** Every active order of the organisation (all pages), for the records that wait on a signature. */
async function recordsAwaitingSignature(): Promise<Array<{ order: OrderSummary; record: AcceptanceRecord }>> {
  const orders = await everyPage((cursor) =>
    data(api.GET('/orders', { params: { query: { status: 'ACTIVE', limit: 200, cursor } } })),
  );
  const perOrder = await Promise.all(
    orders.map(async (order) => {
      const records = await data(
        api.GET('/orders/{orderId}/acceptance-records', { params: { path: { orderId: order.id } } }),
      );
      return records.filter((r) => r.status === 'EVALUATED').map((record) => ({ order, record }));
    }),
  );
  return perOrder.flat();
}

/** Records the system evaluated and an officer has still to sign. */
export default function AwaitingPage() {
  const { t } = useTranslation('officer');
  const problemTitle = useProblemTitles();
  const awaiting = useQuery({ queryKey: ['officer', 'awaiting'], queryFn: recordsAwaitingSignature });
  return (
    <>
      <p>
        <Link to={officerPaths.home}>← {t('order.back')}</Link>
      </p>
      <h1>{t('awaiting.title')}</h1>
      <p className="lead">{t('awaiting.lead')}</p>
      <Show query={awaiting}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('awaiting.empty')}</p>
          ) : (
            <ul className="cards" data-testid="awaiting-records">
              {list.map(({ order, record }) => (
                <li key={record.id} className="card">
                  <h2>{problemTitle(termsOf(order).problemId)}</h2>
                  <p>
                    {t('awaiting.round', { round: record.roundNo })} · {t('record.evaluatedAt')}{' '}
                    {formatDateTime(record.evaluatedAt)}
                  </p>
                  <Link
                    className="button"
                    to={officerPaths.order(order.id)}
                    aria-label={`${t('awaiting.open')}: ${problemTitle(termsOf(order).problemId)}, ${t('awaiting.round', { round: record.roundNo })}`}
                  >
                    {t('awaiting.open')}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}
