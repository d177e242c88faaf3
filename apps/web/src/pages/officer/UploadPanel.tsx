import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Field, FileDrop, FormFailure } from '../../components/Form';
import { formatDate, formatDateTime, formatDecimal } from '../../format';
import {
  previewUpload,
  upload,
  type Preview,
  type RoundProgress,
  type RowProblem,
  type UploadChoice,
  type Uploaded,
} from './officer-api';
import { RowProblems } from './RowProblems';

/** Rounds that still take data: no record yet, or a disputed record awaiting corrected data. */
const openRounds = (rounds: RoundProgress[]) =>
  rounds.filter((r) => r.roundNo > 0 && (r.recordStatus === null || r.recordStatus === 'DISPUTED'));

/** The problems the API listed when it refused a whole upload for its invalid rows. */
function refusedRows(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'ACCEPTANCE.INVALID_ROWS') return undefined;
  return error.details as { problems: RowProblem[]; rejectedRows: number };
}

/**
 * Upload of a round's measurements: the file is checked by the API first (the same reading and rules as the upload,
 * nothing stored) and the officer sees the rows to be stored and every refused row explained before confirming.
 */
export function UploadPanel({
  orderId,
  rounds,
  onUploaded,
}: {
  orderId: string;
  rounds: RoundProgress[];
  onUploaded: (roundNo: number, result: Uploaded) => void;
}) {
  const { t } = useTranslation('officer');
  const open = openRounds(rounds);
  const [roundNo, setRoundNo] = useState(open[0]?.roundNo);
  const [file, setFile] = useState<File>();
  const [locale, setLocale] = useState(false);
  const [sheet, setSheet] = useState('');
  const choice = (f: File, keepValid = false): UploadChoice | undefined =>
    roundNo === undefined ? undefined : { orderId, roundNo, file: f, locale, sheet, keepValid };

  const preview = useMutation({ mutationFn: previewUpload });
  const save = useMutation({
    mutationFn: upload,
    onSuccess: (result, sent) => {
      setFile(undefined);
      preview.reset();
      onUploaded(sent.roundNo, result);
    },
  });
  const check = (f: File | undefined) => {
    const chosen = f && choice(f);
    save.reset();
    if (chosen) preview.mutate(chosen);
  };

  if (open.length === 0 || roundNo === undefined) return <p className="muted">{t('upload.noRound')}</p>;
  const result = preview.data;
  const refused = refusedRows(save.error);
  return (
    <section aria-labelledby="upload-title" className="card">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <Field label={t('upload.round')} name="roundNo">
        {(input) => (
          <select
            {...input}
            value={roundNo}
            onChange={(e) => {
              setRoundNo(Number(e.target.value));
              preview.reset();
            }}
          >
            {open.map((r) => (
              <option key={r.roundNo} value={r.roundNo}>
                {t('upload.roundOption', { round: r.roundNo, from: formatDate(r.startsAt), to: formatDate(r.endsAt) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field checkbox">
        <input
          id="upload-locale"
          type="checkbox"
          checked={locale}
          onChange={(e) => {
            setLocale(e.target.checked);
            preview.reset();
          }}
        />
        <label htmlFor="upload-locale">{t('upload.locale')}</label>
      </div>
      <Field label={t('upload.sheet')} name="sheet">
        {(input) => (
          <input
            {...input}
            value={sheet}
            maxLength={100}
            onChange={(e) => {
              setSheet(e.target.value);
              preview.reset();
            }}
          />
        )}
      </Field>
      <FileDrop
        label={t('upload.file')}
        accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onFiles={(files) => {
          setFile(files[0]?.file);
          check(files[0]?.file);
        }}
      />
      <p className="hint">{t('upload.format')}</p>
      {file && (
        <button type="button" className="secondary" onClick={() => check(file)} disabled={preview.isPending}>
          {t('upload.recheck')}
        </button>
      )}
      {preview.isPending && (
        <p role="status" className="muted">
          {t('upload.checking')}
        </p>
      )}
      <FormFailure error={preview.error} />
      {result && file && (
        <div data-testid="upload-preview">
          <h3>{t('upload.previewTitle')}</h3>
          <p role="status">
            {t('upload.summary', { name: file.name, rows: result.rows, rejected: result.rejectedRows })}{' '}
            {result.rejectedRows === 0
              ? t('upload.allValid')
              : result.rows > 0
                ? t('upload.someRefused')
                : t('upload.noneValid')}
          </p>
          {result.sample.length > 0 && <SampleRows rows={result.sample} />}
          {result.problems.length > 0 && <RowProblems problems={result.problems} rejectedRows={result.rejectedRows} />}
          <div className="actions">
            {result.rejectedRows === 0 && (
              <button type="button" onClick={() => save.mutate(choice(file)!)} disabled={save.isPending}>
                {save.isPending ? t('upload.saving') : t('upload.confirm')}
              </button>
            )}
            {result.rejectedRows > 0 && result.rows > 0 && (
              <button type="button" onClick={() => save.mutate(choice(file, true)!)} disabled={save.isPending}>
                {save.isPending ? t('upload.saving') : t('upload.keepValid', { rows: result.rows })}
              </button>
            )}
          </div>
        </div>
      )}
      {refused ? <RowProblems problems={refused.problems} rejectedRows={refused.rejectedRows} /> : null}
      <FormFailure error={save.error} />
      {save.data && (
        <p role="status" className="success">
          {t('upload.saved', { rows: save.data.rows, hash: save.data.sha256.slice(0, 16) })}
        </p>
      )}
    </section>
  );
}

function SampleRows({ rows }: { rows: Preview['sample'] }) {
  const { t } = useTranslation('officer');
  return (
    <>
      <h4>{t('upload.sample')}</h4>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="preview-rows">
          <thead>
            <tr>
              <th scope="col">{t('upload.line')}</th>
              <th scope="col">{t('upload.kpi')}</th>
              <th scope="col">{t('upload.observedAt')}</th>
              <th scope="col">{t('upload.value')}</th>
              <th scope="col">{t('upload.ref')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.kpi}</td>
                <td>{formatDateTime(r.observedAt)}</td>
                <td>{formatDecimal(r.value)}</td>
                <td>{r.ref}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
