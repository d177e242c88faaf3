import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { formatDong } from '../../format';
import { useOrganisations } from './organisations';
import { submitWith } from './submit';

/** Budget allocations to agencies and co-funders' deposits, each with the account's available balance. */
export default function Money() {
  const { t } = useTranslation('operator');
  return (
    <>
      <h1>{t('money.title')}</h1>
      <p className="lead">{t('money.lead')}</p>
      <div className="cards">
        <Credit kind="allocation" />
        <Credit kind="deposit" />
      </div>
    </>
  );
}

function Credit({ kind }: { kind: 'allocation' | 'deposit' }) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const { organisations } = useOrganisations(kind === 'allocation' ? 'AGENCY' : 'FUNDER');
  const [owner, setOwner] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const balance = useQuery({
    queryKey: ['money', kind, owner],
    enabled: !!owner,
    queryFn: async () =>
      kind === 'allocation'
        ? (await data(api.GET('/budgets/{agencyId}', { params: { path: { agencyId: owner } } }))).available
        : (await data(api.GET('/funders/{funderId}/pool', { params: { path: { funderId: owner } } }))).available,
  });
  const credit = useMutation({
    mutationFn: async (): Promise<string> =>
      kind === 'allocation'
        ? (
            await data(
              api.POST('/budgets/{agencyId}/allocations', {
                params: { path: { agencyId: owner } },
                body: { amount, reference },
              }),
            )
          ).available
        : (
            await data(
              api.POST('/funders/{funderId}/deposits', {
                params: { path: { funderId: owner } },
                body: { amount, reference },
              }),
            )
          ).available,
    onSuccess: () => {
      setAmount('');
      setReference('');
      void client.invalidateQueries({ queryKey: ['money', kind, owner] });
    },
  });
  const ownerName = organisations.find((o) => o.id === owner)?.name ?? '';
  return (
    <section aria-labelledby={`credit-${kind}`} className="card">
      <h2 id={`credit-${kind}`}>{t(kind === 'allocation' ? 'money.allocation' : 'money.deposit')}</h2>
      <form onSubmit={submitWith(() => credit.mutate())} noValidate>
        <Field label={t(kind === 'allocation' ? 'money.agency' : 'money.funder')} name="owner" error={credit.error}>
          {(input) => (
            <select {...input} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{t('money.choose')}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {balance.data !== undefined && (
          <p data-testid={`balance-${kind}`}>
            {t('money.balance', { name: ownerName, amount: formatDong(balance.data) })}
          </p>
        )}
        <Field label={t('money.amount')} name="amount" error={credit.error} hint={t('money.amountHint')}>
          {(input) => (
            <input {...input} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </Field>
        <Field label={t('money.reference')} name="reference" error={credit.error}>
          {(input) => <input {...input} value={reference} onChange={(e) => setReference(e.target.value)} />}
        </Field>
        <FormFailure error={credit.error} />
        {credit.isSuccess && (
          <p role="status" className="notice">
            {t('common.done')}
          </p>
        )}
        <button type="submit" disabled={credit.isPending || !owner}>
          {t(kind === 'allocation' ? 'money.allocate' : 'money.record')}
        </button>
      </form>
    </section>
  );
}
