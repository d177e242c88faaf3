import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { submitWith } from '../operator/submit';

/** The assessor declares their own link with the vendor; the API moves the vendor's submissions to another assessor. */
export function ConflictForm({
  assessorUserId,
  vendorOrganisationId,
  onDeclared,
}: {
  assessorUserId: string;
  vendorOrganisationId: string;
  onDeclared: () => void;
}) {
  const { t } = useTranslation('assessor');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const declare = useMutation({
    mutationFn: () => data(api.POST('/precheck/conflicts', { body: { assessorUserId, vendorOrganisationId, reason } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['precheck'] });
      onDeclared();
    },
  });
  return (
    <section aria-labelledby="conflict-title" className="card">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p className="hint">{t('conflict.lead')}</p>
      <form onSubmit={submitWith(() => declare.mutate())} noValidate>
        <Field label={t('conflict.reason')} name="reason" error={declare.error}>
          {(input) => <textarea {...input} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormFailure error={declare.error} />
        <button type="submit" disabled={declare.isPending}>
          {t('conflict.submit')}
        </button>
      </form>
    </section>
  );
}
