import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from './officer-api';

/** The API refuses rows by reason code; each is explained in the reader's language, with the cell it is about. */
export function explainProblem(t: TFunction<'officer'>, problem: RowProblem): string {
  const values = { value: problem.value ?? '', reason: problem.reason };
  const text = t(`reasons.${problem.reason}`, { ...values, defaultValue: t('reasons.other', values) });
  return problem.option === 'locale=vi' ? `${text} ${t('localeHint')}` : text;
}

/** Every refused row with its line, column and why. */
export function RowProblems({ problems, rejectedRows }: { problems: RowProblem[]; rejectedRows?: number }) {
  const { t } = useTranslation('officer');
  const hidden = (rejectedRows ?? 0) - new Set(problems.map((p) => p.line)).size;
  return (
    <>
      <h3>{t('upload.refused')}</h3>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="refused-rows">
          <thead>
            <tr>
              <th scope="col">{t('upload.line')}</th>
              <th scope="col">{t('upload.column')}</th>
              <th scope="col">{t('upload.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.line}-${p.column ?? ''}-${i}`}>
                <td>{p.line}</td>
                <td>{p.column ? t(`columns.${p.column}`, { defaultValue: p.column }) : ''}</td>
                <td>{explainProblem(t, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && <p className="muted">{t('upload.more', { count: hidden })}</p>}
    </>
  );
}
