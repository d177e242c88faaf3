import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/categories';
import { api, data } from '../../api/client';
import { Field, FormFailure } from '../../components/Form';
import { dongDigits, type Schemas } from './shared';

type Problem = Schemas['ProblemView'];
type Body = Schemas['CreateProblemDto'];

const DIRECTIONS = ['increase', 'decrease'] as const;
const PERIODS = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'once'] as const;
const SCALES = ['SMALL_TRIAL', 'PILOT', 'WIDE_ROLLOUT'] as const;
const AGGREGATIONS = ['mean', 'sum', 'last', 'count'] as const;

interface KpiDraft {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: (typeof DIRECTIONS)[number];
  baseline: string;
  target: string;
  measurementPeriod: (typeof PERIODS)[number];
  dataSource: string;
  weight: string;
  aggregation: (typeof AGGREGATIONS)[number];
}

const emptyKpi = (n: number): KpiDraft => ({
  code: `K${n}`,
  nameVi: '',
  nameEn: '',
  unit: '',
  direction: 'increase',
  baseline: '',
  target: '',
  measurementPeriod: 'monthly',
  dataSource: '',
  weight: '',
  aggregation: 'mean',
});

/** "40" or "12,5" (per cent) → basis points; empty stays empty so the API says what is missing. */
const bp = (percent: string) =>
  percent.trim() === '' ? undefined : Math.round(Number(percent.replace(',', '.')) * 100);
const percent = (basisPoints: number | null) =>
  basisPoints === null ? '' : String(basisPoints / 100).replace('.', ',');
const decimal = (text: string) => text.trim().replace(',', '.');

function kpiDraft(k: Problem['kpis'][number]): KpiDraft {
  return {
    code: k.code,
    nameVi: k.nameVi,
    nameEn: k.nameEn,
    unit: k.unit,
    direction: k.direction,
    baseline: k.baseline ?? '',
    target: k.target,
    measurementPeriod: (PERIODS as readonly string[]).includes(k.measurementPeriod)
      ? (k.measurementPeriod as KpiDraft['measurementPeriod'])
      : 'monthly',
    dataSource: k.dataSource,
    weight: percent(k.weightBp ?? null),
    aggregation: k.aggregation,
  };
}

/**
 * A draft problem: title, category, scope, KPIs (baseline, target, direction, weight) and the budget envelope with
 * its share payable by results. A new draft is created; an existing one is rewritten (drafts only).
 */
export function ProblemForm({ problem, onSaved }: { problem?: Problem; onSaved: (saved: Problem) => void }) {
  const { t } = useTranslation('buyer');
  const { categories } = useCategories();
  const queries = useQueryClient();
  const [titleVi, setTitleVi] = useState(problem?.titleVi ?? '');
  const [titleEn, setTitleEn] = useState(problem?.titleEn ?? '');
  const [categoryCode, setCategoryCode] = useState(problem?.categoryCode ?? '');
  const [scope, setScope] = useState(problem?.scope ?? '');
  const [scale, setScale] = useState<(typeof SCALES)[number]>(problem?.scale ?? 'SMALL_TRIAL');
  const [budget, setBudget] = useState(problem?.budgetEnvelope ?? '');
  const [outcomeShare, setOutcomeShare] = useState(problem ? percent(problem.outcomeShareBp) : '');
  const [deadline, setDeadline] = useState(problem?.deadline ?? '');
  const [kpis, setKpis] = useState<KpiDraft[]>(problem ? problem.kpis.map(kpiDraft) : [emptyKpi(1)]);

  const save = useMutation({
    mutationFn: (body: Body) =>
      problem
        ? data(api.PUT('/problems/{id}', { params: { path: { id: problem.id } }, body }))
        : data(api.POST('/problems', { body })),
    onSuccess: (saved) => {
      void queries.invalidateQueries({ queryKey: ['buyer'] });
      onSaved(saved);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const withWeights = kpis.some((k) => k.weight.trim() !== '');
    save.mutate({
      titleVi,
      titleEn,
      categoryCode,
      scope,
      scale,
      budgetEnvelope: dongDigits(budget),
      outcomeShareBp: bp(outcomeShare) as number,
      deadline: deadline || undefined,
      kpis: kpis.map((k) => ({
        code: k.code,
        nameVi: k.nameVi,
        nameEn: k.nameEn,
        unit: k.unit,
        direction: k.direction,
        baseline: k.baseline.trim() === '' ? undefined : decimal(k.baseline),
        target: decimal(k.target),
        measurementPeriod: k.measurementPeriod,
        dataSource: k.dataSource,
        weightBp: withWeights ? bp(k.weight) : undefined,
        aggregation: k.aggregation,
      })),
    });
  };

  const setKpi = (index: number, change: Partial<KpiDraft>) =>
    setKpis((list) => list.map((k, i) => (i === index ? { ...k, ...change } : k)));

  return (
    <form onSubmit={submit} noValidate data-testid="problem-form">
      <Field label={t('problem.titleVi')} name="titleVi" error={save.error}>
        {(input) => <input {...input} value={titleVi} onChange={(e) => setTitleVi(e.target.value)} />}
      </Field>
      <Field label={t('problem.titleEn')} name="titleEn" error={save.error}>
        {(input) => <input {...input} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />}
      </Field>
      <div className="filters">
        <Field label={t('problem.category')} name="categoryCode" error={save.error}>
          {(input) => (
            <select {...input} value={categoryCode} onChange={(e) => setCategoryCode(e.target.value)}>
              <option value="">{t('problem.chooseCategory')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.nameVi}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('problem.scale')} name="scale" error={save.error}>
          {(input) => (
            <select {...input} value={scale} onChange={(e) => setScale(e.target.value as typeof scale)}>
              {SCALES.map((s) => (
                <option key={s} value={s}>
                  {t(`scale.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('problem.deadline')} name="deadline" error={save.error}>
          {(input) => <input {...input} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('problem.scope')} name="scope" error={save.error} hint={t('problem.scopeHint')}>
        {(input) => <textarea {...input} rows={2} value={scope} onChange={(e) => setScope(e.target.value)} />}
      </Field>
      <div className="filters">
        <Field label={t('problem.budget')} name="budgetEnvelope" error={save.error} hint={t('problem.budgetHint')}>
          {(input) => (
            <input {...input} inputMode="numeric" value={budget} onChange={(e) => setBudget(e.target.value)} />
          )}
        </Field>
        <Field
          label={t('problem.outcomeShare')}
          name="outcomeShareBp"
          error={save.error}
          hint={t('problem.outcomeShareHint')}
        >
          {(input) => (
            <input
              {...input}
              inputMode="decimal"
              value={outcomeShare}
              onChange={(e) => setOutcomeShare(e.target.value)}
            />
          )}
        </Field>
      </div>
      <h2>{t('problem.kpis')}</h2>
      <p className="hint">{t('problem.kpisHint')}</p>
      {kpis.map((k, i) => (
        <fieldset key={i} className="group">
          <legend>{t('problem.kpiLegend', { n: i + 1 })}</legend>
          <div className="filters">
            <Field label={t('kpi.code')} name={`kpis.${i}.code`} error={save.error}>
              {(input) => <input {...input} value={k.code} onChange={(e) => setKpi(i, { code: e.target.value })} />}
            </Field>
            <Field label={t('kpi.unit')} name={`kpis.${i}.unit`} error={save.error}>
              {(input) => <input {...input} value={k.unit} onChange={(e) => setKpi(i, { unit: e.target.value })} />}
            </Field>
            <Field label={t('kpi.direction')} name={`kpis.${i}.direction`} error={save.error}>
              {(input) => (
                <select
                  {...input}
                  value={k.direction}
                  onChange={(e) => setKpi(i, { direction: e.target.value as KpiDraft['direction'] })}
                >
                  {DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {t(`direction.${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t('kpi.nameVi')} name={`kpis.${i}.nameVi`} error={save.error}>
            {(input) => <input {...input} value={k.nameVi} onChange={(e) => setKpi(i, { nameVi: e.target.value })} />}
          </Field>
          <Field label={t('kpi.nameEn')} name={`kpis.${i}.nameEn`} error={save.error}>
            {(input) => <input {...input} value={k.nameEn} onChange={(e) => setKpi(i, { nameEn: e.target.value })} />}
          </Field>
          <div className="filters">
            <Field
              label={t('kpi.baseline')}
              name={`kpis.${i}.baseline`}
              error={save.error}
              hint={t('kpi.baselineHint')}
            >
              {(input) => (
                <input
                  {...input}
                  inputMode="decimal"
                  value={k.baseline}
                  onChange={(e) => setKpi(i, { baseline: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('kpi.target')} name={`kpis.${i}.target`} error={save.error}>
              {(input) => (
                <input
                  {...input}
                  inputMode="decimal"
                  value={k.target}
                  onChange={(e) => setKpi(i, { target: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('kpi.weight')} name={`kpis.${i}.weightBp`} error={save.error} hint={t('kpi.weightHint')}>
              {(input) => (
                <input
                  {...input}
                  inputMode="decimal"
                  value={k.weight}
                  onChange={(e) => setKpi(i, { weight: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('kpi.period')} name={`kpis.${i}.measurementPeriod`} error={save.error}>
              {(input) => (
                <select
                  {...input}
                  value={k.measurementPeriod}
                  onChange={(e) => setKpi(i, { measurementPeriod: e.target.value as KpiDraft['measurementPeriod'] })}
                >
                  {PERIODS.map((p) => (
                    <option key={p} value={p}>
                      {t(`period.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="filters">
            <Field label={t('kpi.dataSource')} name={`kpis.${i}.dataSource`} error={save.error}>
              {(input) => (
                <input {...input} value={k.dataSource} onChange={(e) => setKpi(i, { dataSource: e.target.value })} />
              )}
            </Field>
            <Field label={t('kpi.aggregation')} name={`kpis.${i}.aggregation`} error={save.error}>
              {(input) => (
                <select
                  {...input}
                  value={k.aggregation}
                  onChange={(e) => setKpi(i, { aggregation: e.target.value as KpiDraft['aggregation'] })}
                >
                  {AGGREGATIONS.map((a) => (
                    <option key={a} value={a}>
                      {t(`aggregation.${a}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {kpis.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setKpis((list) => list.filter((_, j) => j !== i))}
            >
              {t('problem.removeKpi', { code: k.code })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setKpis((list) => [...list, emptyKpi(list.length + 1)])}
        >
          {t('problem.addKpi')}
        </button>
        <button type="submit" disabled={save.isPending}>
          {problem ? t('problem.saveDraft') : t('problem.createDraft')}
        </button>
      </div>
      <FormFailure error={save.error} />
    </form>
  );
}
