import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, ApiError, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { draftOf, emptyDraft, requirementOf, type Group, type RequirementDraft } from './requirement-draft';
import { RequirementFields } from './RequirementFields';
import { submitWith } from './submit';

type RequirementSet = components['schemas']['RequirementSetView'];
const GROUPS: Group[] = ['capability', 'security', 'kpi'];

/** A new version of a category's requirement set, starting from the latest one. */
export default function RequirementSetEditor() {
  const { code = '' } = useParams();
  const latest = useQuery({
    queryKey: ['precheck', 'requirement-sets', code, 'latest'],
    queryFn: async () =>
      (await data(api.GET('/precheck/requirement-sets', { params: { query: { category: code, limit: 1 } } })))
        .items[0] ?? null,
  });
  // Keyed by the category only: publishing refetches the latest set, and a remount would drop the "published" notice.
  return <Show query={latest}>{(set) => <Editor code={code} latest={set} key={code} />}</Show>;
}

function Editor({ code, latest }: { code: string; latest: RequirementSet | null }) {
  const { t } = useTranslation('operator');
  const { nameOf } = useCategories();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<RequirementDraft[]>(() => latest?.requirements.map(draftOf) ?? []);
  const [weights, setWeights] = useState(
    () => Object.fromEntries(GROUPS.map((g) => [g, String(latest?.weights?.[g] ?? 1)])) as Record<Group, string>,
  );
  const [groupMark, setGroupMark] = useState(String(latest?.groupMark ?? 50));
  const [totalMark, setTotalMark] = useState(String(latest?.totalMark ?? 70));
  const publish = useMutation({
    mutationFn: () =>
      data(
        api.POST('/precheck/requirement-sets', {
          body: {
            categoryCode: code,
            requirements: drafts.map(requirementOf),
            weights: {
              capability: Number(weights.capability),
              security: Number(weights.security),
              kpi: Number(weights.kpi),
            },
            groupMark: Number(groupMark),
            totalMark: Number(totalMark),
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['precheck', 'requirement-sets', code] }),
  });
  const change = (index: number, patch: Partial<RequirementDraft>) =>
    setDrafts((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const mark = (label: string, name: string, value: string, set: (v: string) => void) => (
    <Field label={label} name={name} error={publish.error}>
      {(input) => (
        <input {...input} type="number" min={0} max={100} value={value} onChange={(e) => set(e.target.value)} />
      )}
    </Field>
  );

  return (
    <>
      <p>
        <Link to="/quan-tri/linh-vuc">{t('section.categories')}</Link>
      </p>
      <h1>{t('editor.title', { name: nameOf(code) })}</h1>
      <p className="lead">{t('editor.lead')}</p>
      <form onSubmit={submitWith(() => publish.mutate())} noValidate>
        {drafts.map((draft, index) => (
          <RequirementFields
            key={index}
            index={index}
            draft={draft}
            onChange={(patch) => change(index, patch)}
            onRemove={() => setDrafts((current) => current.filter((_, i) => i !== index))}
            error={publish.error}
          />
        ))}
        <button type="button" className="secondary" onClick={() => setDrafts([...drafts, emptyDraft()])}>
          {t('editor.add')}
        </button>
        <fieldset className="card">
          <legend>{t('editor.weights')}</legend>
          {GROUPS.map((g) => (
            <div key={g}>
              {mark(t('editor.weight', { group: t(`group.${g}`) }), `weights.${g}`, weights[g], (v) =>
                setWeights({ ...weights, [g]: v }),
              )}
            </div>
          ))}
          {mark(t('editor.groupMark'), 'groupMark', groupMark, setGroupMark)}
          {mark(t('editor.totalMark'), 'totalMark', totalMark, setTotalMark)}
        </fieldset>
        <FormFailure error={publish.error} />
        <SetProblems error={publish.error} />
        {publish.isSuccess && (
          <p role="status" className="notice" data-testid="published">
            {t('editor.published', { n: publish.data.version })}
          </p>
        )}
        <button type="submit" disabled={publish.isPending}>
          {t('editor.publish')}
        </button>
      </form>
    </>
  );
}

/** The rule problems the API found in the set as a whole (a minimum above its maximum, a repeated code…). */
function SetProblems({ error }: { error: unknown }) {
  const problems = error instanceof ApiError ? (error.details as { problems?: unknown } | null)?.problems : undefined;
  if (!Array.isArray(problems)) return null;
  return (
    <ul className="error" data-testid="set-problems">
      {problems.map((problem) => (
        <li key={String(problem)}>{String(problem)}</li>
      ))}
    </ul>
  );
}
