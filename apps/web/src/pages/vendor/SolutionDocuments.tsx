import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, formBody } from '../../api/client';
import { Field, FileDrop, FormFailure, type HashedFile } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDateTime } from '../../format';

/** A solution's documents with their SHA-256, and the upload of new ones (drag and drop), optionally confidential. */
export function SolutionDocuments({ solutionId }: { solutionId: string }) {
  const { t } = useTranslation('vendor');
  const queries = useQueryClient();
  const [files, setFiles] = useState<HashedFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [reason, setReason] = useState('');
  const [dropKey, setDropKey] = useState(0);
  const documents = useQuery({
    queryKey: ['vendor', 'documents', solutionId],
    queryFn: () => data(api.GET('/solutions/{id}/documents', { params: { path: { id: solutionId } } })),
  });
  const upload = useMutation({
    mutationFn: async () => {
      for (const { file } of files)
        await data(
          api.POST('/solutions/{id}/documents', {
            params: { path: { id: solutionId } },
            // fields before the file: the API reads them as the stream arrives
            body: formBody({
              confidential: String(confidential),
              confidentialReason: confidential ? reason : undefined,
              file,
            }) as never,
            bodySerializer: (form) => form as unknown as FormData,
          }),
        );
    },
    onSuccess: async () => {
      setFiles([]);
      setDropKey((k) => k + 1);
      await queries.invalidateQueries({ queryKey: ['vendor', 'documents', solutionId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('documents.title')}</h2>
      <Show query={documents}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('documents.none')}</p>
          ) : (
            <ul className="documents" data-testid="documents">
              {list.map((d) => (
                <li key={d.id}>
                  <a href={`/solutions/${solutionId}/documents/${d.id}/content`}>{d.fileName}</a>{' '}
                  <span className="muted">
                    ({t('documents.version', { version: d.solutionVersion })} · {formatDateTime(d.createdAt)} ·{' '}
                    {t(`documents.review.${d.reviewStatus}`)}
                    {d.confidential && ` · ${t('documents.confidential')}`})
                  </span>
                  <br />
                  SHA-256 <code className="hash">{d.sha256}</code>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <form onSubmit={submit} noValidate>
        <FileDrop
          key={dropKey}
          label={t('documents.choose')}
          accept=".pdf,.png,.jpg,.jpeg"
          multiple
          onFiles={setFiles}
        />
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />{' '}
            {t('documents.markConfidential')}
          </label>
        </div>
        {confidential && (
          <Field label={t('documents.reason')} name="confidentialReason" error={upload.error}>
            {(input) => <input {...input} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <FormFailure error={upload.error} />
        <button type="submit" disabled={files.length === 0 || upload.isPending}>
          {t('documents.upload')}
        </button>
      </form>
    </section>
  );
}
