import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { formatDate } from '../../format';
import { Paged, usePaged } from '../../components/Paged';

type Status = components['schemas']['SubmissionView']['status'];
const STATUSES: Status[] = ['UNDER_REVIEW', 'LISTED', 'WAITING', 'REJECTED'];

/** The assessor's queue: the submissions assigned to them, newest first, with what is left for them to do. */
export default function Queue() {
  const { t } = useTranslation('assessor');
  const { nameOf } = useCategories();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [status, setStatus] = useState<Status | ''>('UNDER_REVIEW');
  const submissions = usePaged(['precheck', 'queue', status], (cursor) =>
    data(api.GET('/precheck/submissions', { params: { query: { status: status || undefined, cursor } } })),
  );
  return (
    <>
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.lead')}</p>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <div className="filters narrow">
        <div className="field">
          <label htmlFor="queue-status">{t('queue.status')}</label>
          <select id="queue-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('queue.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Paged query={submissions} empty={t('queue.empty')}>
        {(items) => (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="assessor-queue">
              <thead>
                <tr>
                  <th scope="col">{t('queue.solution')}</th>
                  <th scope="col">{t('queue.category')}</th>
                  <th scope="col">{t('queue.submitted')}</th>
                  <th scope="col">{t('queue.status')}</th>
                  <th scope="col">{t('queue.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`ho-so/${s.id}`}>{s.solutionName}</Link>
                    </td>
                    <td>{nameOf(s.categoryCode)}</td>
                    <td>{formatDate(s.submittedAt)}</td>
                    <td>{t(`status.${s.status}`)}</td>
                    <td>{s.assessments.find((a) => a.mine)?.scoredAt ? t('queue.scored') : t('queue.toScore')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Paged>
    </>
  );
}
