import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDateTime, formatDecimal, formatShare } from '../../format';
import { OpenCallForm } from './OpenCallForm';
import { buyerPaths } from './paths';
import { ProblemForm } from './ProblemForm';
import { problemKeyFacts } from './Problems';
import { Facts } from '../../components/Facts';
import type { Schemas } from './shared';

type Problem = Schemas['ProblemView'];

function ProblemFacts({ problem }: { problem: Problem }) {
  const { t } = useTranslation('buyer');
  const { nameOf } = useCategories();
  return (
    <>
      <Facts
        facts={[
          ...problemKeyFacts(t, problem),
          [t('problem.category'), nameOf(problem.categoryCode)],
          [t('problem.scale'), t(`scale.${problem.scale}`)],
        ]}
      />
      {problem.scope && <p>{problem.scope}</p>}
      {problem.closeReason && <p className="notice">{t('problem.closedBecause', { reason: problem.closeReason })}</p>}
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption>{t('problem.kpis')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpi.nameVi')}</th>
              <th scope="col">{t('kpi.baseline')}</th>
              <th scope="col">{t('kpi.target')}</th>
              <th scope="col">{t('kpi.direction')}</th>
              <th scope="col">{t('kpi.weight')}</th>
              <th scope="col">{t('kpi.dataSource')}</th>
            </tr>
          </thead>
          <tbody>
            {problem.kpis.map((k) => (
              <tr key={k.code}>
                <td>
                  {k.code} · {k.nameVi}
                </td>
                <td>{k.baseline == null ? t('kpi.measureBaseline') : `${formatDecimal(k.baseline)} ${k.unit}`}</td>
                <td>
                  {formatDecimal(k.target)} {k.unit}
                </td>
                <td>{t(`direction.${k.direction}`)}</td>
                <td>{k.weightBp == null ? t('kpi.equalWeight') : formatShare(k.weightBp / 10_000)}</td>
                <td>{k.dataSource}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CloseProblem({ problem }: { problem: Problem }) {
  const { t } = useTranslation('buyer');
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () =>
      data(api.POST('/problems/{id}/close', { params: { path: { id: problem.id } }, body: { reason } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['buyer'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('problem.closeReason')} name="reason" error={close.error} hint={t('problem.closeHint')}>
        {(input) => <textarea {...input} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={close.isPending}>
        {t('problem.close')}
      </button>
      <FormFailure error={close.error} />
    </form>
  );
}

function ProblemCalls({ problemId }: { problemId: string }) {
  const { t } = useTranslation('buyer');
  const calls = useQuery({
    queryKey: ['buyer', 'problem-calls', problemId],
    queryFn: () => data(api.GET('/calls', { params: { query: { problemId, limit: 200 } } })),
  });
  return (
    <Show query={calls}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted">{t('calls.none')}</p>
        ) : (
          <ul>
            {page.items.map((c) => (
              <li key={c.id}>
                <Link to={buyerPaths.call(c.id)}>
                  {t(`callStatus.${c.status}`)} · {t('call.deadline')}: {formatDateTime(c.deadline)}
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </Show>
  );
}

/** One problem: a draft is edited and published; a published one gets calls for offers, or is closed with a reason. */
export default function ProblemDetail() {
  const { t } = useTranslation('buyer');
  const { id = '' } = useParams();
  const queries = useQueryClient();
  const [editing, setEditing] = useState(false);
  const problem = useQuery({
    queryKey: ['buyer', 'problem', id],
    queryFn: () => data(api.GET('/problems/{id}', { params: { path: { id } } })),
  });
  const publish = useMutation({
    mutationFn: () => data(api.POST('/problems/{id}/publish', { params: { path: { id } } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['buyer'] }),
  });
  return (
    <Show query={problem}>
      {(p) => (
        <>
          <h1>
            {p.code} · {p.titleVi}
          </h1>
          <p className="muted" lang="en">
            {p.titleEn}
          </p>
          {editing ? <ProblemForm problem={p} onSaved={() => setEditing(false)} /> : <ProblemFacts problem={p} />}
          {p.status === 'DRAFT' && !editing && (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setEditing(true)}>
                {t('problem.edit')}
              </button>
              <button type="button" onClick={() => publish.mutate()} disabled={publish.isPending}>
                {t('problem.publish')}
              </button>
            </div>
          )}
          <FormFailure error={publish.error} />
          {p.status === 'PUBLISHED' && (
            <>
              <section aria-labelledby="calls-heading">
                <h2 id="calls-heading">{t('problem.calls')}</h2>
                <ProblemCalls problemId={p.id} />
              </section>
              <section aria-labelledby="open-heading">
                <h2 id="open-heading">{t('call.openTitle')}</h2>
                <OpenCallForm problemId={p.id} />
              </section>
              <section aria-labelledby="close-heading">
                <h2 id="close-heading">{t('problem.closeTitle')}</h2>
                <CloseProblem problem={p} />
              </section>
            </>
          )}
        </>
      )}
    </Show>
  );
}
