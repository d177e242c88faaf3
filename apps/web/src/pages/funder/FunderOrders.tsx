import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { formatDong } from '../../format';
import OrderDetail from '../buyer/OrderDetail';
import Orders from '../buyer/Orders';
import { useOrganisationId } from '../../auth/use-session';
import { dongDigits, type Schemas } from '../buyer/shared';
import { funderPaths } from './paths';

type Order = Schemas['OrderView'];

/** A draft order takes a pledge (part of the terms both parties sign) or gives it back while still unsigned. */
function Pledge({ order }: { order: Order }) {
  const { t } = useTranslation('funder');
  const funderId = useOrganisationId();
  const queries = useQueryClient();
  const [amount, setAmount] = useState('');
  const done = () => void queries.invalidateQueries({ queryKey: ['order', order.id] });
  const pledge = useMutation({
    mutationFn: () =>
      data(
        api.POST('/orders/{id}/pledges', {
          params: { path: { id: order.id } },
          body: { amount: dongDigits(amount) },
        }),
      ),
    onSuccess: done,
  });
  const withdraw = useMutation({
    mutationFn: () => data(api.DELETE('/orders/{id}/pledge', { params: { path: { id: order.id } } })),
    onSuccess: done,
  });
  const mine = order.funding.cofunders.find((c) => c.funderOrganisationId === funderId);
  if (order.status !== 'DRAFT') return mine ? <p>{t('pledge.moved', { amount: formatDong(mine.amount) })}</p> : null;
  if (mine)
    return (
      <section aria-labelledby="pledge-heading">
        <h2 id="pledge-heading">{t('pledge.title')}</h2>
        <p>{t('pledge.current', { amount: formatDong(mine.amount) })}</p>
        <button type="button" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
          {t('pledge.withdraw')}
        </button>
        <FormFailure error={withdraw.error} />
      </section>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pledge.mutate();
  };
  return (
    <section aria-labelledby="pledge-heading">
      <h2 id="pledge-heading">{t('pledge.title')}</h2>
      <form onSubmit={submit} noValidate data-testid="pledge">
        <Field label={t('pledge.amount')} name="amount" error={pledge.error} hint={t('pledge.hint')}>
          {(input) => (
            <input {...input} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={pledge.isPending}>
          {t('pledge.submit')}
        </button>
        <FormFailure error={pledge.error} />
      </form>
    </section>
  );
}

/** An order the co-funder funds (or may pledge to): its terms, funding, pledge and results per round. */
export function FunderOrder() {
  return <OrderDetail withPoints={false} actions={(order) => <Pledge order={order} />} />;
}

/** Draft orders open to pledges and the orders the co-funder funds. */
export function FunderOrderList() {
  return <Orders linkTo={funderPaths.order} />;
}
