import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { emptyKpi, kpiBody, KpiFields, type KpiDraft } from './KpiFields';
import { vendorPaths } from './shared';

type Solution = components['schemas']['SolutionView'];

interface SolutionDraft {
  name: string;
  summary: string;
  categoryCode: string;
  description: string;
  deploymentModel: string;
  makeInVietnam: boolean;
  localisationShare: string;
  priceMin: string;
  priceMax: string;
  kpis: KpiDraft[];
}

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function draftOf(s?: Solution): SolutionDraft {
  return {
    name: s?.name ?? '',
    summary: s?.summary ?? '',
    categoryCode: s?.categoryCode ?? '',
    description: text(s?.description),
    deploymentModel: text(s?.deploymentModel),
    makeInVietnam: s?.makeInVietnam ?? false,
    localisationShare: text(s?.localisationShare),
    priceMin: text(s?.priceMin),
    priceMax: text(s?.priceMax),
    kpis: s?.kpis.length
      ? s.kpis.map(
          (k) =>
            Object.fromEntries(
              Object.keys(emptyKpi).map((key) => [key, text(k[key as keyof typeof k])]),
            ) as unknown as KpiDraft,
        )
      : [emptyKpi],
  };
}

function bodyOf(d: SolutionDraft) {
  const optional = (value: string) => value.trim() || undefined;
  return {
    name: d.name,
    summary: d.summary,
    categoryCode: d.categoryCode,
    description: optional(d.description),
    deploymentModel: optional(d.deploymentModel) as Solution['deploymentModel'] & string,
    makeInVietnam: d.makeInVietnam,
    localisationShare: d.localisationShare.trim() ? Number(d.localisationShare) : undefined,
    priceMin: optional(d.priceMin),
    priceMax: optional(d.priceMax),
    kpis: d.kpis.map(kpiBody),
  };
}

/** Creates a solution, or edits one (`/giai-phap/:id/sua`), with the KPIs it can commit to. */
export default function SolutionForm() {
  const { id } = useParams();
  const solution = useQuery({
    queryKey: ['vendor', 'solution', id],
    queryFn: () => data(api.GET('/solutions/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  if (!id) return <SolutionEditor />;
  return <Show query={solution}>{(s) => <SolutionEditor solution={s} />}</Show>;
}

function SolutionEditor({ solution }: { solution?: Solution }) {
  const { t } = useTranslation('vendor');
  const { categories, nameOf } = useCategories();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<SolutionDraft>(() => draftOf(solution));
  const set = <K extends keyof SolutionDraft>(key: K, value: SolutionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      solution
        ? data(api.PUT('/solutions/{id}', { params: { path: { id: solution.id } }, body: bodyOf(draft) }))
        : data(api.POST('/solutions', { body: bodyOf(draft) })),
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['vendor'] });
      void navigate(vendorPaths.solution(saved.id));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const error = save.error;
  const input = (key: 'name' | 'summary' | 'priceMin' | 'priceMax' | 'localisationShare', numeric = false) => (
    <Field label={t(`solution.${key}`)} name={key} error={error} hint={t(`solution.hint.${key}`)}>
      {(props) => (
        <input
          {...props}
          inputMode={numeric ? 'numeric' : undefined}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  return (
    <>
      <h1>{solution ? t('solution.editTitle', { name: solution.name }) : t('solution.newTitle')}</h1>
      <form onSubmit={submit} noValidate className="work-form">
        {input('name')}
        {input('summary')}
        <Field
          label={t('solution.categoryCode')}
          name="categoryCode"
          error={error}
          hint={t('solution.hint.categoryCode')}
        >
          {(props) => (
            <select {...props} value={draft.categoryCode} onChange={(e) => set('categoryCode', e.target.value)}>
              <option value="">{t('kpi.choose')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {nameOf(c.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('solution.description')} name="description" error={error}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <div className="filters">
          <Field label={t('solution.deploymentModel')} name="deploymentModel" error={error}>
            {(props) => (
              <select {...props} value={draft.deploymentModel} onChange={(e) => set('deploymentModel', e.target.value)}>
                <option value="">{t('kpi.choose')}</option>
                {['cloud', 'on_premise', 'hybrid', 'saas'].map((m) => (
                  <option key={m} value={m}>
                    {t(`deployment.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {input('localisationShare', true)}
          {input('priceMin', true)}
          {input('priceMax', true)}
        </div>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.makeInVietnam}
              onChange={(e) => set('makeInVietnam', e.target.checked)}
            />{' '}
            {t('solution.makeInVietnam')}
          </label>
        </div>
        <h2>{t('solution.kpis')}</h2>
        <p className="hint">{t('solution.kpisHint')}</p>
        {draft.kpis.map((kpi, i) => (
          <KpiFields
            key={i}
            index={i}
            kpi={kpi}
            error={error}
            onChange={(next) =>
              set(
                'kpis',
                draft.kpis.map((k, j) => (j === i ? next : k)),
              )
            }
            onRemove={
              draft.kpis.length > 1
                ? () =>
                    set(
                      'kpis',
                      draft.kpis.filter((_, j) => j !== i),
                    )
                : undefined
            }
          />
        ))}
        <p>
          <button type="button" className="secondary" onClick={() => set('kpis', [...draft.kpis, emptyKpi])}>
            {t('solution.addKpi')}
          </button>
        </p>
        <FormFailure error={error} />
        <button type="submit" disabled={save.isPending}>
          {solution ? t('solution.saveEdit') : t('solution.create')}
        </button>
      </form>
    </>
  );
}
