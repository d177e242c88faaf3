import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDateTime, formatDecimal, formatDong, formatShare } from '../../format';
import { OrderProgress } from './OrderProgress';
import { termsOf } from './orderTerms';
import { orderKeyFacts } from './Orders';
import { Facts, type Fact } from '../../components/Facts';
import { useOrganisationId } from '../../auth/use-session';
import type { Schemas } from './shared';

type Order = Schemas['OrderView'];

function OrderFacts({ order }: { order: Order }) {
  const { t } = useTranslation('buyer');
  const terms = termsOf(order);
  return (
    <>
      <Facts
        facts={[
          ...orderKeyFacts(t, order),
          [t('order.escrow'), formatDong(order.escrowBalance), 'escrow'],
          [t('offers.deliveryShare'), formatShare(terms.deliveryShareBp / 10_000)],
          [t('offers.floor'), formatShare(terms.floorBp / 10_000)],
          [t('order.cityShare'), formatDong(order.funding.city)],
          ...order.funding.cofunders.map((c): Fact => [
            t('order.cofunder', { id: c.funderOrganisationId.slice(0, 8) }),
            formatDong(c.amount),
          ]),
        ]}
      />
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption>{t('order.kpis')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.kpi')}</th>
              <th scope="col">{t('kpi.weight')}</th>
              <th scope="col">{t('kpi.baseline')}</th>
              <th scope="col">{t('kpi.target')}</th>
              <th scope="col">{t('kpi.direction')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.kpis.map((k) => (
              <tr key={k.key}>
                <th scope="row">
                  {k.key} · {k.nameVi}
                </th>
                <td>{formatShare(k.weightBp / 10_000)}</td>
                <td>{k.baseline === null ? t('kpi.measureBaseline') : `${formatDecimal(k.baseline)} ${k.unit}`}</td>
                <td>
                  {formatDecimal(k.target)} {k.unit}
                </td>
                <td>{t(`direction.${k.direction}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('order.signatures')}</h2>
      {order.signatures.length === 0 ? (
        <p className="muted">{t('order.unsigned')}</p>
      ) : (
        <ul data-testid="signatures">
          {order.signatures.map((s) => (
            <li key={`${s.party}-${s.signedAt}`}>
              {t(`party.${s.party}`)} · {formatDateTime(s.signedAt)}
              {s.termsHash !== order.termsHash && ` · ${t('order.staleSignature')}`}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        {t('order.termsHash')} <code className="hash">{order.termsHash}</code>
      </p>
    </>
  );
}

/** The agency signs the terms it reviewed (their hash); the last signature reserves the budget into escrow. */
export function SignOrder({ order }: { order: Order }) {
  const { t } = useTranslation('buyer');
  const organisationId = useOrganisationId();
  const queries = useQueryClient();
  const sign = useMutation({
    mutationFn: () =>
      data(
        api.POST('/orders/{id}/signatures', {
          params: { path: { id: order.id } },
          body: { termsHash: order.termsHash },
        }),
      ),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['order', order.id] }),
  });
  const signed = order.signatures.some((s) => s.organisationId === organisationId && s.termsHash === order.termsHash);
  if (order.status !== 'DRAFT') return null;
  if (signed) return <p role="status">{t('order.signedWaiting')}</p>;
  return (
    <>
      <p>{t('order.signExplain', { amount: formatDong(order.funding.city) })}</p>
      <button type="button" onClick={() => sign.mutate()} disabled={sign.isPending}>
        {t('order.sign')}
      </button>
      <FormFailure error={sign.error} />
    </>
  );
}

/**
 * One order: its signed terms, funding, signatures and progress per round and KPI. `actions` adds what the reader's
 * role does on it (the buyer signs; a co-funder pledges); `withPoints` shows the rounds' data counts.
 */
export default function OrderDetail({
  actions,
  withPoints,
}: {
  actions: (order: Order) => ReactNode;
  withPoints: boolean;
}) {
  const { t } = useTranslation('buyer');
  const { id = '' } = useParams();
  const problemTitle = useProblemTitles();
  const order = useQuery({
    queryKey: ['order', id],
    queryFn: () => data(api.GET('/orders/{id}', { params: { path: { id } } })),
    // A draft waits for the other party's signature; its page follows until the order is signed or cancelled.
    refetchInterval: (query) => (query.state.data?.status === 'DRAFT' ? 5_000 : false),
  });
  return (
    <Show query={order}>
      {(o) => (
        <>
          <h1>{t('order.name', { id: o.id.slice(0, 8) })}</h1>
          <p className="lead">{problemTitle(termsOf(o).problemId)}</p>
          <OrderFacts order={o} />
          {actions(o)}
          {o.status !== 'DRAFT' && o.status !== 'CANCELLED' && (
            <section aria-labelledby="progress-heading">
              <h2 id="progress-heading">{t('progress.title')}</h2>
              <OrderProgress orderId={o.id} terms={termsOf(o)} withPoints={withPoints} />
            </section>
          )}
        </>
      )}
    </Show>
  );
}
