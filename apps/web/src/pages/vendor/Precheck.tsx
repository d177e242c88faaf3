import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { SubmissionCard } from './PrecheckHistory';
import { vendorPaths } from './shared';

type Requirement = components['schemas']['RequirementDto'];
type Document = components['schemas']['DocumentView'];
type Submission = components['schemas']['SubmissionView'];

/** The typed value of an answer as written in its input; undefined when left empty. */
function typed(r: Requirement, raw: string): boolean | number | string | undefined {
  if (raw === '') return undefined;
  if (r.type === 'boolean') return raw === 'true';
  if (r.type === 'number') return Number(raw.replace(',', '.'));
  return raw;
}

/** What the inline check says of an answer before submission (the pre-check's automatic rules decide). */
function inlineProblem(r: Requirement, raw: string, t: TFunction<'vendor'>): string | undefined {
  const value = typed(r, raw);
  if (value === undefined) return r.mandatory ? t('precheck.required') : undefined;
  const problem = valueProblem(r, value, t);
  if (!problem) return undefined;
  return r.mandatory && r.scoring === 'automatic' ? `${problem} ${t('precheck.autoReject')}` : problem;
}

function valueProblem(r: Requirement, value: boolean | number | string, t: TFunction<'vendor'>): string | undefined {
  if (r.type === 'number') {
    if (Number.isNaN(value)) return t('precheck.notNumber');
    if (r.min !== undefined && (value as number) < r.min) return t('precheck.belowMin', { min: r.min });
    if (r.max !== undefined && (value as number) > r.max) return t('precheck.aboveMax', { max: r.max });
  }
  if (r.type === 'boolean' && r.expected !== undefined && value !== r.expected)
    return t('precheck.expected', { value: r.expected ? t('yes') : t('no') });
  if (r.type === 'enum' && r.accepted && !r.accepted.includes(value as string))
    return t('precheck.accepted', { values: r.accepted.join(', ') });
  if (r.type === 'date') {
    const age = (Date.now() - Date.parse(`${value as string}T00:00:00Z`)) / 86_400_000;
    if (age < 0) return t('precheck.future');
    if (r.maxAgeDays !== undefined && age > r.maxAgeDays) return t('precheck.tooOld', { days: r.maxAgeDays });
  }
  return undefined;
}

/** The pre-check of a solution: the category's requirements answered by type, then submitted; the decision shown. */
export default function Precheck() {
  const { id = '' } = useParams();
  const context = useQuery({
    queryKey: ['vendor', 'precheck', id],
    queryFn: async () => {
      const [solution, documents] = await Promise.all([
        data(api.GET('/solutions/{id}', { params: { path: { id } } })),
        data(api.GET('/solutions/{id}/documents', { params: { path: { id } } })),
      ]);
      // The category's current requirement set: the newest of its versions.
      const sets = await data(
        api.GET('/precheck/requirement-sets', { params: { query: { category: solution.categoryCode, limit: 1 } } }),
      );
      return { solution, set: sets.items[0], documents };
    },
  });
  return (
    <Show query={context}>
      {({ solution, set, documents }) => (
        <PrecheckForm
          solutionId={solution.id}
          name={solution.name}
          requirements={set?.requirements ?? []}
          documents={documents}
        />
      )}
    </Show>
  );
}

function PrecheckForm({
  solutionId,
  name,
  requirements,
  documents,
}: {
  solutionId: string;
  name: string;
  requirements: Requirement[];
  documents: Document[];
}) {
  const { t } = useTranslation('vendor');
  const queries = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [decided, setDecided] = useState<Submission>();
  const submit = useMutation({
    mutationFn: () =>
      data(
        api.POST('/precheck/submissions', {
          body: {
            solutionId,
            answers: requirements
              .map((r) => ({ requirementId: r.id, value: typed(r, answers[r.id] ?? '') }))
              .filter((a): a is { requirementId: string; value: boolean | number | string } => a.value !== undefined),
          },
        }),
      ),
    onSuccess: async (submission) => {
      setDecided(submission);
      await queries.invalidateQueries({ queryKey: ['vendor'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const failureOf = (r: Requirement) => decided?.failures.find((f) => f.requirementId === r.id)?.reason;
  const input = (r: Requirement, props: object) => {
    const value = answers[r.id] ?? '';
    const change = (next: string) => setAnswers((a) => ({ ...a, [r.id]: next }));
    const options = (list: Array<[string, string]>) => (
      <select {...props} value={value} onChange={(e) => change(e.target.value)}>
        <option value="">{t('kpi.choose')}</option>
        {list.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
    if (r.type === 'boolean')
      return options([
        ['true', t('yes')],
        ['false', t('no')],
      ]);
    if (r.type === 'enum') return options((r.options ?? []).map((o) => [o, o]));
    if (r.type === 'document') return options(documents.map((d) => [d.id, d.fileName]));
    return (
      <input
        {...props}
        type={r.type === 'date' ? 'date' : 'text'}
        inputMode={r.type === 'number' ? 'decimal' : undefined}
        value={value}
        onChange={(e) => change(e.target.value)}
      />
    );
  };
  return (
    <>
      <p>
        <Link to={vendorPaths.solution(solutionId)}>← {name}</Link>
      </p>
      <h1>{t('precheck.title', { name })}</h1>
      <p className="lead">{t('precheck.lead')}</p>
      <form onSubmit={onSubmit} noValidate>
        {requirements.length === 0 && <p>{t('precheck.noRequirements')}</p>}
        {(['capability', 'security', 'kpi'] as const).map((group) => {
          const own = requirements.filter((r) => r.group === group);
          if (own.length === 0) return null;
          return (
            <fieldset key={group}>
              <legend>{t(`group.${group}`)}</legend>
              {own.map((r) => {
                const index = requirements.indexOf(r);
                const problem =
                  failureOf(r) ?? (answers[r.id] !== undefined ? inlineProblem(r, answers[r.id], t) : undefined);
                return (
                  <Field
                    key={r.id}
                    label={`${r.title}${r.mandatory ? ' *' : ''}`}
                    name={`answers.${index}.value`}
                    error={submit.error}
                    hint={problem ? <span className="error">{problem}</span> : t(`precheck.scoring.${r.scoring}`)}
                  >
                    {(props) => input(r, props)}
                  </Field>
                );
              })}
            </fieldset>
          );
        })}
        <FormFailure error={submit.error} />
        <button type="submit" disabled={submit.isPending}>
          {t('precheck.submit')}
        </button>
      </form>
      {decided && (
        <section aria-labelledby="decision" aria-live="polite">
          <h2 id="decision">{t('precheck.decision')}</h2>
          <ul className="stack">
            <SubmissionCard submission={decided} />
          </ul>
          {(decided.status === 'AUTO_REJECTED' || decided.status === 'REJECTED') && (
            <p>
              <Link className="button" to={vendorPaths.editSolution(solutionId)}>
                {t('precheck.resubmit')}
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
