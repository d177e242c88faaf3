import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { Paged, usePaged } from '../../components/Paged';
import type { Schemas } from './shared';
import { buyerVi } from './text';

type Proposal = Schemas['ProposalView'];
type ProposalField = Proposal['fields'][number];

/** Form 01's management fields, in the order the texts name them (one text per field the API knows). */
const FIELDS = Object.keys(buyerVi.field) as ProposalField[];
const TEXTS = ['problem', 'currentHandling', 'managementNeed', 'trialScope', 'availableData'] as const;
type TextKey = (typeof TEXTS)[number];

function ProposalForm() {
  const { t } = useTranslation('buyer');
  const queries = useQueryClient();
  const [fields, setFields] = useState<ProposalField[]>([]);
  const [contact, setContact] = useState('');
  const [texts, setTexts] = useState<Record<TextKey, string>>({
    problem: '',
    currentHandling: '',
    managementNeed: '',
    trialScope: '',
    availableData: '',
  });
  const submit = useMutation({
    mutationFn: () => data(api.POST('/problems/proposals', { body: { fields, contact, ...texts } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['buyer', 'proposals'] });
      setFields([]);
      setContact('');
      setTexts({ problem: '', currentHandling: '', managementNeed: '', trialScope: '', availableData: '' });
    },
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const toggle = (field: ProposalField) =>
    setFields((list) => (list.includes(field) ? list.filter((f) => f !== field) : [...list, field]));
  return (
    <form onSubmit={send} noValidate data-testid="proposal-form">
      <fieldset className="group">
        <legend>{t('proposal.fields')}</legend>
        <div className="tags">
          {FIELDS.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} /> {t(`field.${f}`)}
            </label>
          ))}
        </div>
        {submit.error instanceof ApiError && submit.error.problemsOf('fields').length > 0 && (
          <p className="error" role="alert">
            {submit.error.problemsOf('fields').join(' ')}
          </p>
        )}
      </fieldset>
      <Field label={t('proposal.contact')} name="contact" error={submit.error} hint={t('proposal.contactHint')}>
        {(input) => <input {...input} value={contact} onChange={(e) => setContact(e.target.value)} />}
      </Field>
      {TEXTS.map((key) => (
        <Field key={key} label={t(`proposal.${key}`)} name={key} error={submit.error} hint={t(`proposal.${key}Hint`)}>
          {(input) => (
            <textarea
              {...input}
              rows={3}
              value={texts[key]}
              onChange={(e) => setTexts((all) => ({ ...all, [key]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <button type="submit" disabled={submit.isPending}>
        {t('proposal.submit')}
      </button>
      {submit.isSuccess && <p role="status">{t('proposal.sent')}</p>}
      <FormFailure error={submit.error} />
    </form>
  );
}

/** Proposals (Mẫu 01): the need only — no technology, no budget — for the operator to merge into the catalogue. */
export default function Proposals() {
  const { t } = useTranslation('buyer');
  const proposals = usePaged(['buyer', 'proposals'], (cursor) =>
    data(api.GET('/problems/proposals', { params: { query: { cursor } } })),
  );
  return (
    <>
      <h1>{t('proposal.title')}</h1>
      <p className="lead">{t('proposal.lead')}</p>
      <ProposalForm />
      <h2>{t('proposal.sentTitle')}</h2>
      <Paged query={proposals} empty={t('proposal.none')}>
        {(items) => (
          <ul className="stack" data-testid="proposals">
            {items.map((p) => (
              <li key={p.id} className="card">
                <h3>{p.problem.length > 120 ? `${p.problem.slice(0, 120)}…` : p.problem}</h3>
                <p>
                  {p.fields.map((f) => t(`field.${f}`)).join(', ')} · {t(`proposalStatus.${p.status}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </>
  );
}
