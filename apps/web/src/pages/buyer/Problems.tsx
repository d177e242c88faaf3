import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { formatDate, formatDong, formatShare } from '../../format';
import { buyerPaths } from './paths';
import { ProblemForm } from './ProblemForm';
import { Facts, type Fact } from '../../components/Facts';
import { Paged, usePaged } from '../../components/Paged';
import { useOrganisationId } from '../../auth/use-session';
import type { Schemas } from './shared';

type Problem = Schemas['ProblemView'];

/** What a problem is worth and where it stands: status, budget envelope, share payable by results, deadline. */
export function problemKeyFacts(t: TFunction<'buyer'>, p: Problem): Fact[] {
  return [
    [t('problem.status'), t(`problemStatus.${p.status}`), 'problem-status'],
    [t('problem.budget'), formatDong(p.budgetEnvelope)],
    [t('problem.outcomeShare'), formatShare(p.outcomeShareBp / 10_000)],
    !!p.deadline && [t('problem.deadline'), formatDate(p.deadline)],
  ];
}

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
          <Facts facts={problemKeyFacts(t, p)} />
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
        <Paged query={drafts} empty={t('problems.noDrafts')}>
          {(items) => <ProblemList items={items} />}
        </Paged>
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{t('problems.published')}</h2>
        <Paged query={published} empty={t('problems.noPublished')}>
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
