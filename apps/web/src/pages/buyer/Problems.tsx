import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { formatDate, formatDong, formatShare } from '../../format';
import { buyerPaths } from './paths';
import { ProblemForm } from './ProblemForm';
import { Paged, usePaged, useOrganisationId, type Schemas } from './shared';

type Problem = Schemas['ProblemView'];

function ProblemList({ items }: { items: Problem[] }) {
  const { t } = useTranslation('buyer');
  return (
    <ul className="stack">
      {items.map((p) => (
        <li key={p.id} className="card">
          <h3>
            <Link to={buyerPaths.problem(p.id)}>
              {p.code} · {p.titleVi}
            </Link>
          </h3>
          <dl className="facts">
            <div>
              <dt>{t('problem.status')}</dt>
              <dd>{t(`problemStatus.${p.status}`)}</dd>
            </div>
            <div>
              <dt>{t('problem.budget')}</dt>
              <dd>{formatDong(p.budgetEnvelope)}</dd>
            </div>
            <div>
              <dt>{t('problem.outcomeShare')}</dt>
              <dd>{formatShare(p.outcomeShareBp / 10_000)}</dd>
            </div>
            {p.deadline && (
              <div>
                <dt>{t('problem.deadline')}</dt>
                <dd>{formatDate(p.deadline)}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The agency's problems: its drafts (to edit and publish) and its published ones (to open calls on or close). */
export default function Problems() {
  const { t } = useTranslation('buyer');
  const organisationId = useOrganisationId();
  const drafts = usePaged(['buyer', 'drafts'], (cursor) =>
    data(api.GET('/problems/drafts', { params: { query: { cursor } } })),
  );
  const published = usePaged(['buyer', 'published', organisationId], (cursor) =>
    data(api.GET('/problems', { params: { query: { cursor, agencyOrganisationId: organisationId } } })),
  );
  return (
    <>
      <h1>{t('problems.title')}</h1>
      <p>
        <Link className="button" to={buyerPaths.newProblem}>
          {t('problems.new')}
        </Link>
      </p>
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t('problems.drafts')}</h2>
        <Paged list={drafts} empty={t('problems.noDrafts')}>
          {(items) => <ProblemList items={items} />}
        </Paged>
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{t('problems.published')}</h2>
        <Paged list={published} empty={t('problems.noPublished')}>
          {(items) => <ProblemList items={items} />}
        </Paged>
      </section>
    </>
  );
}

/** Drafting a new problem; once saved, its page (to review and publish it). */
export function NewProblem() {
  const { t } = useTranslation('buyer');
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('problems.new')}</h1>
      <ProblemForm onSaved={(saved) => void navigate(buyerPaths.problem(saved.id))} />
    </>
  );
}
