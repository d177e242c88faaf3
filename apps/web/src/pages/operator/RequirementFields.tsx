import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Form';
import type { Group, RequirementDraft, RequirementType } from './requirement-draft';

const GROUPS: Group[] = ['capability', 'security', 'kpi'];
const TYPES: RequirementType[] = ['boolean', 'number', 'enum', 'date', 'document'];

/** One requirement's inputs: the common ones, then those its answer type needs. */
export function RequirementFields({
  index,
  draft,
  onChange,
  onRemove,
  error,
}: {
  index: number;
  draft: RequirementDraft;
  onChange: (patch: Partial<RequirementDraft>) => void;
  onRemove: () => void;
  error: unknown;
}) {
  const { t } = useTranslation('operator');
  const name = (field: string) => `requirements.${index}.${field}`;
  const text = (field: keyof RequirementDraft, label: string, options: { multiline?: boolean; hint?: string } = {}) => (
    <Field label={label} name={name(field)} error={error} hint={options.hint}>
      {(input) =>
        options.multiline ? (
          <textarea
            {...input}
            rows={3}
            value={String(draft[field])}
            onChange={(e) => onChange({ [field]: e.target.value })}
          />
        ) : (
          <input {...input} value={String(draft[field])} onChange={(e) => onChange({ [field]: e.target.value })} />
        )
      }
    </Field>
  );
  const numeric = (field: 'min' | 'max' | 'maxAgeDays', label: string) => (
    <Field label={label} name={name(field)} error={error}>
      {(input) => (
        <input {...input} type="number" value={draft[field]} onChange={(e) => onChange({ [field]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <fieldset className="card requirement" data-testid={`requirement-${index}`}>
      <legend>{t('editor.requirement', { n: index + 1 })}</legend>
      {text('id', t('editor.id'), { hint: t('editor.idHint') })}
      {text('title', t('editor.titleField'))}
      <Field label={t('editor.group')} name={name('group')} error={error}>
        {(input) => (
          <select {...input} value={draft.group} onChange={(e) => onChange({ group: e.target.value as Group })}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`group.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('editor.type')} name={name('type')} error={error}>
        {(input) => (
          <select {...input} value={draft.type} onChange={(e) => onChange({ type: e.target.value as RequirementType })}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`requirementType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('editor.scoring')} name={name('scoring')} error={error}>
        {(input) => (
          <select
            {...input}
            value={draft.scoring}
            onChange={(e) => onChange({ scoring: e.target.value as RequirementDraft['scoring'] })}
          >
            <option value="automatic">{t('scoring.automatic')}</option>
            <option value="human">{t('scoring.human')}</option>
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={draft.mandatory} onChange={(e) => onChange({ mandatory: e.target.checked })} />{' '}
        {t('editor.mandatory')}
      </label>
      {draft.type === 'boolean' && (
        <Field label={t('editor.expected')} name={name('expected')} error={error}>
          {(input) => (
            <select
              {...input}
              value={draft.expected}
              onChange={(e) => onChange({ expected: e.target.value as 'true' | 'false' })}
            >
              <option value="true">{t('editor.yes')}</option>
              <option value="false">{t('editor.no')}</option>
            </select>
          )}
        </Field>
      )}
      {draft.type === 'number' && (
        <>
          {numeric('min', t('editor.min'))}
          {numeric('max', t('editor.max'))}
        </>
      )}
      {draft.type === 'enum' && (
        <>
          {text('options', t('editor.options'), { multiline: true })}
          {text('accepted', t('editor.accepted'), { multiline: true })}
        </>
      )}
      {draft.type === 'date' && numeric('maxAgeDays', t('editor.maxAgeDays'))}
      {draft.type === 'document' && text('allowedTypes', t('editor.allowedTypes'), { multiline: true })}
      <button type="button" className="secondary" onClick={onRemove}>
        {t('editor.remove', { n: index + 1 })}
      </button>
    </fieldset>
  );
}
