import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { buyerPaths } from './paths';
import { dongDigits } from './shared';

const share = (percent: string) => Number(percent.replace(',', '.')) / 100;

/**
 * Opening a call for offers on a published problem: its deadline, the tier-2 weights (price, effect, trust; they sum
 * to 100 %) and whether the award goes directly to the best offer or through a POC bake-off of 2–3 finalists.
 */
export function OpenCallForm({ problemId }: { problemId: string }) {
  const { t } = useTranslation('buyer');
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [deadline, setDeadline] = useState('');
  const [price, setPrice] = useState('40');
  const [effect, setEffect] = useState('40');
  const [trust, setTrust] = useState('20');
  const [awardMode, setAwardMode] = useState<'DIRECT' | 'POC'>('DIRECT');
  const [finalists, setFinalists] = useState('2');
  const [trialBudget, setTrialBudget] = useState('');
  const [allowsWorseTargets, setAllowsWorseTargets] = useState(false);

  const open = useMutation({
    mutationFn: () =>
      data(
        api.POST('/calls', {
          body: {
            problemId,
            // datetime-local is the user's wall-clock time; the API takes the instant.
            deadline: deadline ? new Date(deadline).toISOString() : '',
            weights: { price: share(price), effect: share(effect), trust: share(trust) },
            awardMode,
            allowsWorseTargets,
            ...(awardMode === 'POC'
              ? { pocFinalists: Number(finalists), pocTrialBudget: dongDigits(trialBudget) }
              : {}),
          },
        }),
      ),
    onSuccess: (call) => {
      void queries.invalidateQueries({ queryKey: ['buyer'] });
      void navigate(buyerPaths.call(call.id));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="open-call">
      <Field label={t('call.deadline')} name="deadline" error={open.error} hint={t('call.deadlineHint')}>
        {(input) => (
          <input {...input} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        )}
      </Field>
      <fieldset className="group">
        <legend>{t('call.weights')}</legend>
        <p className="hint">{t('call.weightsHint')}</p>
        <div className="filters">
          <Field label={t('call.weightPrice')} name="weights.price" error={open.error}>
            {(input) => (
              <input {...input} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
            )}
          </Field>
          <Field label={t('call.weightEffect')} name="weights.effect" error={open.error}>
            {(input) => (
              <input {...input} inputMode="decimal" value={effect} onChange={(e) => setEffect(e.target.value)} />
            )}
          </Field>
          <Field label={t('call.weightTrust')} name="weights.trust" error={open.error}>
            {(input) => (
              <input {...input} inputMode="decimal" value={trust} onChange={(e) => setTrust(e.target.value)} />
            )}
          </Field>
        </div>
      </fieldset>
      <Field label={t('call.awardMode')} name="awardMode" error={open.error}>
        {(input) => (
          <select {...input} value={awardMode} onChange={(e) => setAwardMode(e.target.value as typeof awardMode)}>
            <option value="DIRECT">{t('awardMode.DIRECT')}</option>
            <option value="POC">{t('awardMode.POC')}</option>
          </select>
        )}
      </Field>
      {awardMode === 'POC' && (
        <div className="filters">
          <Field label={t('call.finalists')} name="pocFinalists" error={open.error}>
            {(input) => (
              <select {...input} value={finalists} onChange={(e) => setFinalists(e.target.value)}>
                <option value="2">2</option>
                <option value="3">3</option>
              </select>
            )}
          </Field>
          <Field label={t('call.trialBudget')} name="pocTrialBudget" error={open.error} hint={t('problem.budgetHint')}>
            {(input) => (
              <input
                {...input}
                inputMode="numeric"
                value={trialBudget}
                onChange={(e) => setTrialBudget(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={allowsWorseTargets} onChange={(e) => setAllowsWorseTargets(e.target.checked)} />{' '}
        {t('call.allowsWorseTargets')}
      </label>
      <button type="submit" disabled={open.isPending}>
        {t('call.open')}
      </button>
      <FormFailure error={open.error} />
    </form>
  );
}
