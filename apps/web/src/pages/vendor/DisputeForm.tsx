import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Field, FileDrop, FormFailure, type HashedFile } from '../../components/Form';

/** Disputes a signed record within its window: a reason and evidence files, named by their SHA-256. */
export function DisputeForm({ orderId, roundNo }: { orderId: string; roundNo: number }) {
  const { t } = useTranslation('vendor');
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<HashedFile[]>([]);
  const dispute = useMutation({
    mutationFn: () =>
      data(
        api.POST('/orders/{orderId}/rounds/{roundNo}/disputes', {
          params: { path: { orderId, roundNo } },
          body: {
            reason,
            evidence: files.map(({ file, sha256 }) => ({ name: file.name, sha256: sha256 ?? '' })),
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['vendor', 'order-progress', orderId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dispute.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card">
      <h4>{t('disputes.open', { n: roundNo })}</h4>
      <Field label={t('disputes.reason')} name="reason" error={dispute.error} hint={t('disputes.reasonHint')}>
        {(input) => <textarea {...input} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FileDrop label={t('disputes.evidence')} multiple onFiles={setFiles} />
      <FormFailure error={dispute.error} />
      <button type="submit" disabled={dispute.isPending}>
        {t('disputes.submit')}
      </button>
    </form>
  );
}
