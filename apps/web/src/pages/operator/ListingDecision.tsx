import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormFailure } from '../../components/Form';
import { submitWith } from './submit';

export type Decision = 'KEEP' | 'SUSPEND' | 'DELIST';

/** The end of a chosen day in Hanoi, as the API's date-time (empty stays empty, for the API to name). */
export const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59+07:00`).toISOString() : undefined);

/**
 * Keep, suspend (until a day) or delist a listing with a reason: the choice of decisions, the names of the fields in
 * the request body and the call differ between a re-check flag and a listing, the form does not.
 */
export function ListingDecision({
  title,
  decisions,
  fields,
  send,
  invalidate,
}: {
  title: string;
  decisions: Decision[];
  fields: { until: string };
  send: (decision: Decision, reason: string, until: string | undefined) => Promise<unknown>;
  invalidate: string[];
}) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const [decision, setDecision] = useState<Decision>(decisions[0]);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const decide = useMutation({
    mutationFn: () => send(decision, reason, endOfDay(until)),
    onSuccess: () => void client.invalidateQueries({ queryKey: invalidate }),
  });
  return (
    <form onSubmit={submitWith(() => decide.mutate())} noValidate className="narrow">
      <h3>{title}</h3>
      <Field label={t('listings.decision')} name="decision" error={decide.error}>
        {(input) => (
          <select {...input} value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
            {decisions.map((d) => (
              <option key={d} value={d}>
                {t(`listings.decision${d}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {decision === 'SUSPEND' && (
        <Field label={t('listings.until')} name={fields.until} error={decide.error}>
          {(input) => <input {...input} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />}
        </Field>
      )}
      <Field label={t('common.reason')} name="reason" error={decide.error}>
        {(input) => <textarea {...input} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormFailure error={decide.error} />
      {decide.isSuccess && (
        <p role="status" className="notice">
          {t('listings.done')}
        </p>
      )}
      <button type="submit" disabled={decide.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
