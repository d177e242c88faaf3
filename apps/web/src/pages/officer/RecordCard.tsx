import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../../components/Facts';
import { FormFailure } from '../../components/Form';
import { formatDateTime, formatDecimal, formatDong, formatShare } from '../../format';
import { downloadRecordPdf, signRecord, type AcceptanceRecord } from './officer-api';

/** One acceptance record: per KPI what was measured, attained and earned and why; signing and the printable PDF. */
export function RecordCard({ record, canSign }: { record: AcceptanceRecord; canSign: boolean }) {
  const { t } = useTranslation('officer');
  const queryClient = useQueryClient();
  const [reviewed, setReviewed] = useState(false);
  const sign = useMutation({
    mutationFn: signRecord,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['officer'] }),
  });
  const pdf = useMutation({ mutationFn: downloadRecordPdf });
  const heading =
    record.roundNo === 0
      ? t('record.delivery')
      : t('record.heading', { round: record.roundNo, version: record.version });
  const headingId = `record-${record.id}`;
  return (
    <article className="card" aria-labelledby={headingId} data-testid="record">
      <h3 id={headingId}>{heading}</h3>
      <Facts
        facts={[
          [t('record.status'), t(`recordStatus.${record.status}`)],
          [t('record.evaluatedAt'), formatDateTime(record.evaluatedAt)],
          !!record.signedAt && [t('record.signedAt'), formatDateTime(record.signedAt)],
          !!record.disputeDeadline && [t('record.disputeDeadline'), formatDateTime(record.disputeDeadline)],
          [t('record.earned'), formatDong(record.earnedCumulative)],
        ]}
      />
      {record.deliveryNote && <p>{record.deliveryNote}</p>}
      {record.results.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="wide">
            <thead>
              <tr>
                <th scope="col">{t('record.kpi')}</th>
                <th scope="col">{t('record.measured')}</th>
                <th scope="col">{t('record.attainment')}</th>
                <th scope="col">{t('record.payFraction')}</th>
                <th scope="col">{t('record.amount')}</th>
                <th scope="col">{t('record.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {record.results.map((k) => (
                <tr key={k.key}>
                  <th scope="row">
                    {k.key} · {k.nameVi}
                  </th>
                  <td>
                    {formatDecimal(k.measuredDisplay)} {k.unit}
                  </td>
                  <td>{formatShare(k.attainment, 2)}</td>
                  <td>{formatShare(k.payFraction, 2)}</td>
                  <td>{formatDong(k.amount)}</td>
                  <td>{k.reasonVi}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {record.batchHashes.length > 0 && (
        <details>
          <summary>{t('record.files')}</summary>
          <ul>
            {record.batchHashes.map((hash) => (
              <li key={hash}>
                <code className="hash">{hash}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canSign && record.status === 'EVALUATED' && (
        <div className="sign">
          <div className="field checkbox">
            <input
              id={`${headingId}-reviewed`}
              type="checkbox"
              checked={reviewed}
              onChange={(e) => setReviewed(e.target.checked)}
            />
            <label htmlFor={`${headingId}-reviewed`}>{t('record.review', { round: record.roundNo })}</label>
          </div>
          <button type="button" disabled={!reviewed || sign.isPending} onClick={() => sign.mutate(record)}>
            {sign.isPending ? t('record.signing') : t('record.sign')}
          </button>
          <FormFailure error={sign.error} />
        </div>
      )}
      {sign.isSuccess && (
        <p role="status" className="success">
          {t('record.signed')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={pdf.isPending} onClick={() => pdf.mutate(record)}>
          {pdf.isPending ? t('record.downloading') : t('record.pdf')}
        </button>
      </div>
      <FormFailure error={pdf.error} />
    </article>
  );
}
