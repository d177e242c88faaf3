import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemTitles } from '../../api/lookups';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDate, formatDong } from '../../format';
import { Paged, usePaged } from '../../components/Paged';
import { useOrganisations } from './organisations';
import { submitWith } from './submit';

type Order = components['schemas']['OrderSummaryView'];
type Dispute = components['schemas']['DisputeView'];

/** Active contracts with their disputes and re-checks: resolve an open one, or open a re-check of a round. */
export default function Disputes() {
  const { t } = useTranslation('operator');
  const orders = usePaged(['orders', 'ACTIVE'], (cursor) =>
    data(api.GET('/orders', { params: { query: { status: 'ACTIVE', cursor, limit: 10 } } })),
  );
  return (
    <>
      <h1>{t('disputes.title')}</h1>
      <p className="lead">{t('disputes.lead')}</p>
      <Paged query={orders} empty={t('disputes.noDisputes')}>
        {(items) => (
          <ul className="stack" data-testid="dispute-orders">
            {items.map((order) => (
              <OrderDisputes key={order.id} order={order} />
            ))}
          </ul>
        )}
      </Paged>
    </>
  );
}

function OrderDisputes({ order }: { order: Order }) {
  const { t } = useTranslation('operator');
  const { nameOf } = useOrganisations();
  const problemTitle = useProblemTitles();
  const disputes = useQuery({
    queryKey: ['orders', order.id, 'disputes'],
    queryFn: () => data(api.GET('/orders/{orderId}/disputes', { params: { path: { orderId: order.id } } })),
  });
  const problemId = (order.terms as { problemId?: string }).problemId;
  return (
    <li className="card">
      <h2>{problemId ? problemTitle(problemId) : order.id.slice(0, 8)}</h2>
      <p>
        {nameOf(order.agencyOrganisationId)} · {nameOf(order.vendorOrganisationId)} · {formatDong(order.maxAmount)}
      </p>
      <Show query={disputes}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('disputes.noDisputes')}</p>
          ) : (
            <ul className="stack">
              {list.map((d) => (
                <DisputeItem key={d.id} dispute={d} />
              ))}
            </ul>
          )
        }
      </Show>
      <details>
        <summary>{t('disputes.recheck')}</summary>
        <Recheck orderId={order.id} />
      </details>
    </li>
  );
}

function DisputeItem({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<'UPHOLD' | 'CORRECT'>('UPHOLD');
  const [note, setNote] = useState('');
  const resolve = useMutation({
    mutationFn: () =>
      data(
        api.POST('/orders/{orderId}/disputes/{disputeId}/resolution', {
          params: { path: { orderId: dispute.orderId, disputeId: dispute.id } },
          body: { outcome, note },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orders', dispute.orderId, 'disputes'] }),
  });
  return (
    <li>
      <h3>
        {t('disputes.round', { n: dispute.roundNo })} · {t(`disputes.kind${dispute.kind}`)} ·{' '}
        {t(`disputes.status${dispute.status}`)}
      </h3>
      <p>
        {formatDate(dispute.openedAt)} — {dispute.reason} ({t('disputes.evidence', { count: dispute.evidence.length })})
      </p>
      {dispute.resolutionNote && <p className="muted">{dispute.resolutionNote}</p>}
      {dispute.status === 'OPEN' && (
        <form onSubmit={submitWith(() => resolve.mutate())} noValidate className="narrow">
          <Field label={t('disputes.outcome')} name="outcome" error={resolve.error}>
            {(input) => (
              <select {...input} value={outcome} onChange={(e) => setOutcome(e.target.value as 'UPHOLD' | 'CORRECT')}>
                <option value="UPHOLD">{t('disputes.outcomeUPHOLD')}</option>
                <option value="CORRECT">{t('disputes.outcomeCORRECT')}</option>
              </select>
            )}
          </Field>
          <Field label={t('disputes.note')} name="note" error={resolve.error}>
            {(input) => <textarea {...input} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <FormFailure error={resolve.error} />
          <button type="submit" disabled={resolve.isPending}>
            {t('disputes.resolve')}
          </button>
        </form>
      )}
    </li>
  );
}

function Recheck({ orderId }: { orderId: string }) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const [roundNo, setRoundNo] = useState('1');
  const [reason, setReason] = useState('');
  const open = useMutation({
    mutationFn: () =>
      data(
        api.POST('/orders/{orderId}/rounds/{roundNo}/rechecks', {
          params: { path: { orderId, roundNo: Number(roundNo) } },
          body: { reason },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orders', orderId, 'disputes'] }),
  });
  return (
    <form onSubmit={submitWith(() => open.mutate())} noValidate className="narrow">
      <p className="hint">{t('disputes.recheckLead')}</p>
      <Field label={t('disputes.roundNo')} name="roundNo" error={open.error}>
        {(input) => (
          <input {...input} type="number" min={1} value={roundNo} onChange={(e) => setRoundNo(e.target.value)} />
        )}
      </Field>
      <Field label={t('common.reason')} name="reason" error={open.error}>
        {(input) => <textarea {...input} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormFailure error={open.error} />
      <button type="submit" disabled={open.isPending}>
        {t('disputes.openRecheck')}
      </button>
    </form>
  );
}
