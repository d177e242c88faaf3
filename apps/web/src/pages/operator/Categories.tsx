import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDate } from '../../format';
import { Paged, usePaged } from '../../components/Paged';
import { submitWith } from './submit';

type Category = components['schemas']['CategoryView'];

/** The category taxonomy with each category's capacity and requirement set versions; a new category. */
export default function Categories() {
  const { t } = useTranslation('operator');
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => data(api.GET('/categories')) });
  const [open, setOpen] = useState<string>();
  return (
    <>
      <h1>{t('categories.title')}</h1>
      <p className="lead">{t('categories.lead')}</p>
      <Show query={categories}>
        {(list) => (
          <ul className="stack" data-testid="categories">
            {list.map((c) => (
              <li key={c.code} className="card">
                <h2>
                  {c.nameVi} <span className="muted">({c.code})</span>
                </h2>
                <p>
                  {c.nameEn} · {t('categories.capacity')}: {c.capacity ?? t('categories.unlimited')}
                </p>
                <p>
                  <Link to={`${c.code}/bo-tieu-chi`}>{t('categories.newVersion')}</Link>
                </p>
                <button
                  type="button"
                  aria-expanded={open === c.code}
                  onClick={() => setOpen(open === c.code ? undefined : c.code)}
                >
                  {t('categories.edit', { name: c.nameVi })}
                </button>
                {open === c.code && <CategoryForm category={c} />}
                <Versions category={c} />
              </li>
            ))}
          </ul>
        )}
      </Show>
      <section aria-labelledby="create-category" className="card">
        <h2 id="create-category">{t('categories.create')}</h2>
        <CategoryForm />
      </section>
    </>
  );
}

function Versions({ category }: { category: Category }) {
  const { t } = useTranslation('operator');
  const sets = usePaged(['precheck', 'requirement-sets', category.code, 'page'], (cursor) =>
    data(api.GET('/precheck/requirement-sets', { params: { query: { category: category.code, cursor, limit: 5 } } })),
  );
  return (
    <details>
      <summary>{t('categories.versions', { name: category.nameVi })}</summary>
      <Paged query={sets} empty={t('categories.noSet')}>
        {(items) => (
          <ul>
            {items.map((s) => (
              <li key={s.id}>
                {t('categories.version', { n: s.version })} · {formatDate(s.createdAt)} ·{' '}
                {t('categories.count', { count: s.requirements.length })} ·{' '}
                {t('categories.marks', { group: s.groupMark ?? 50, total: s.totalMark ?? 70 })}
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </details>
  );
}

/** Adds a category, or renames one and sets its capacity. */
function CategoryForm({ category }: { category?: Category }) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const [form, setForm] = useState({
    code: category?.code ?? '',
    nameVi: category?.nameVi ?? '',
    nameEn: category?.nameEn ?? '',
    capacity: category?.capacity == null ? '' : String(category.capacity),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameVi: form.nameVi,
        nameEn: form.nameEn,
        capacity: form.capacity.trim() === '' ? undefined : Number(form.capacity),
      };
      return category
        ? data(api.PUT('/categories/{code}', { params: { path: { code: category.code } }, body }))
        : data(api.POST('/categories', { body: { ...body, code: form.code } }));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['categories'] }),
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())} noValidate className="narrow">
      {!category && (
        <Field label={t('categories.code')} name="code" error={save.error} hint={t('categories.codeHint')}>
          {(input) => (
            <input {...input} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
          )}
        </Field>
      )}
      <Field label={t('categories.nameVi')} name="nameVi" error={save.error}>
        {(input) => (
          <input {...input} value={form.nameVi} onChange={(e) => setForm({ ...form, nameVi: e.target.value })} />
        )}
      </Field>
      <Field label={t('categories.nameEn')} name="nameEn" error={save.error}>
        {(input) => (
          <input {...input} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
        )}
      </Field>
      <Field label={t('categories.capacity')} name="capacity" error={save.error} hint={t('categories.capacityHint')}>
        {(input) => (
          <input
            {...input}
            type="number"
            min={1}
            value={form.capacity}
            onChange={(e) => setForm({ ...form, capacity: e.target.value })}
          />
        )}
      </Field>
      <FormFailure error={save.error} />
      {save.isSuccess && (
        <p role="status" className="notice">
          {category ? t('common.done') : t('categories.created', { name: save.data.nameVi })}
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {category ? t('common.save') : t('categories.create')}
      </button>
    </form>
  );
}
