import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { submitWith } from '../operator/submit';

type Group = components['schemas']['GroupScoreDto']['group'];
const GROUPS: Group[] = ['capability', 'security', 'kpi'];

/** The assessor's scores for the groups under review, each 0–100 with its reason; sent once. */
export function ScoreForm({ submissionId, groups }: { submissionId: string; groups: Group[] | null }) {
  const { t } = useTranslation('assessor');
  const client = useQueryClient();
  const scored = groups?.length ? GROUPS.filter((g) => groups.includes(g)) : GROUPS;
  const [values, setValues] = useState(() => scored.map((group) => ({ group, score: '', reason: '' })));
  const send = useMutation({
    mutationFn: () =>
      data(
        api.POST('/precheck/submissions/{id}/scores', {
          params: { path: { id: submissionId } },
          // An empty score goes as null (NaN in JSON), not 0, so the API names the field that lacks a number.
          body: { scores: values.map((v) => ({ ...v, score: v.score.trim() === '' ? Number.NaN : Number(v.score) })) },
        }),
      ),
    onSuccess: (submission) => {
      client.setQueryData(['precheck', 'submission', submissionId], submission);
      void client.invalidateQueries({ queryKey: ['precheck', 'queue'] });
    },
  });
  const change = (index: number, patch: Partial<(typeof values)[number]>) =>
    setValues((current) => current.map((v, i) => (i === index ? { ...v, ...patch } : v)));

  return (
    <section aria-labelledby="score-title" className="card">
      <h2 id="score-title">{t('score.title')}</h2>
      <p className="hint">{t('score.lead')}</p>
      <form onSubmit={submitWith(() => send.mutate())} noValidate>
        {values.map((v, index) => {
          const group = t(`group.${v.group}`);
          return (
            <fieldset key={v.group}>
              <legend>{group}</legend>
              <Field label={t('score.score', { group })} name={`scores.${index}.score`} error={send.error}>
                {(input) => (
                  <input
                    {...input}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    value={v.score}
                    onChange={(e) => change(index, { score: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('score.reason', { group })} name={`scores.${index}.reason`} error={send.error}>
                {(input) => (
                  <textarea
                    {...input}
                    rows={3}
                    value={v.reason}
                    onChange={(e) => change(index, { reason: e.target.value })}
                  />
                )}
              </Field>
            </fieldset>
          );
        })}
        <FormFailure error={send.error} />
        <button type="submit" disabled={send.isPending}>
          {t('score.submit')}
        </button>
      </form>
    </section>
  );
}
