import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Form';

/** A KPI the solution can commit to, as typed in the form (every measurability field of the pre-check). */
export interface KpiDraft {
  metric: string;
  unit: string;
  direction: string;
  dataSource: string;
  dataOwner: string;
  measurementMethod: string;
  aggregation: string;
  frequency: string;
  baselineMethod: string;
  minimumSample: string;
  evidenceFormat: string;
}

export const emptyKpi: KpiDraft = {
  metric: '',
  unit: '',
  direction: '',
  dataSource: '',
  dataOwner: '',
  measurementMethod: '',
  aggregation: '',
  frequency: '',
  baselineMethod: '',
  minimumSample: '',
  evidenceFormat: '',
};

const CHOICES: Partial<Record<keyof KpiDraft, readonly string[]>> = {
  direction: ['increase', 'decrease'],
  aggregation: ['mean', 'sum', 'last', 'count', 'ratio', 'percentile'],
  frequency: ['hourly', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'once'],
};

const CHOICE_LISTS = { direction: 'directions', aggregation: 'aggregations', frequency: 'frequencies' } as const;

const TEXT_FIELDS = ['dataSource', 'dataOwner', 'measurementMethod', 'baselineMethod', 'evidenceFormat'] as const;

/** The KPI as the API takes it: empty answers left out, the minimum sample a number. */
export function kpiBody(kpi: KpiDraft) {
  const text = (value: string) => value.trim() || undefined;
  return {
    metric: kpi.metric,
    unit: text(kpi.unit),
    direction: (text(kpi.direction) as 'increase' | 'decrease' | undefined) ?? undefined,
    dataSource: text(kpi.dataSource),
    dataOwner: text(kpi.dataOwner),
    measurementMethod: text(kpi.measurementMethod),
    aggregation: text(kpi.aggregation) as 'mean' | 'sum' | 'last' | 'count' | 'ratio' | 'percentile' | undefined,
    frequency: text(kpi.frequency) as
      'hourly' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'once' | undefined,
    baselineMethod: text(kpi.baselineMethod),
    minimumSample: kpi.minimumSample.trim() ? Number(kpi.minimumSample) : undefined,
    evidenceFormat: text(kpi.evidenceFormat),
  };
}

/** One KPI's fields, each with what the pre-check needs it for; the API's words about a field appear next to it. */
export function KpiFields({
  index,
  kpi,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  kpi: KpiDraft;
  error: unknown;
  onChange: (kpi: KpiDraft) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation('vendor');
  const set = (key: keyof KpiDraft) => (value: string) => onChange({ ...kpi, [key]: value });
  const name = (key: keyof KpiDraft) => `kpis.${index}.${key}`;
  const choice = (key: 'direction' | 'aggregation' | 'frequency') => (
    <Field label={t(`kpi.${key}`)} name={name(key)} error={error} hint={t(`kpi.hint.${key}`)}>
      {(input) => (
        <select {...input} value={kpi[key]} onChange={(e) => set(key)(e.target.value)}>
          <option value="">{t('kpi.choose')}</option>
          {CHOICES[key]!.map((value) => (
            <option key={value} value={value}>
              {t(`kpi.${CHOICE_LISTS[key]}.${value}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <fieldset className="kpi">
      <legend>{t('kpi.legend', { n: index + 1 })}</legend>
      <Field label={t('kpi.metric')} name={name('metric')} error={error} hint={t('kpi.hint.metric')}>
        {(input) => <input {...input} value={kpi.metric} onChange={(e) => set('metric')(e.target.value)} />}
      </Field>
      <div className="filters">
        <Field label={t('kpi.unit')} name={name('unit')} error={error} hint={t('kpi.hint.unit')}>
          {(input) => <input {...input} value={kpi.unit} onChange={(e) => set('unit')(e.target.value)} />}
        </Field>
        {choice('direction')}
        {choice('aggregation')}
        {choice('frequency')}
        <Field
          label={t('kpi.minimumSample')}
          name={name('minimumSample')}
          error={error}
          hint={t('kpi.hint.minimumSample')}
        >
          {(input) => (
            <input
              {...input}
              type="number"
              inputMode="numeric"
              value={kpi.minimumSample}
              onChange={(e) => set('minimumSample')(e.target.value)}
            />
          )}
        </Field>
      </div>
      {TEXT_FIELDS.map((key) => (
        <Field key={key} label={t(`kpi.${key}`)} name={name(key)} error={error} hint={t(`kpi.hint.${key}`)}>
          {(input) => <input {...input} value={kpi[key]} onChange={(e) => set(key)(e.target.value)} />}
        </Field>
      ))}
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          {t('kpi.remove', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}
