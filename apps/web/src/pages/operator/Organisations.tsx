import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Paged, usePaged } from '../../components/Paged';
import { submitWith } from './submit';

type OrganisationType = components['schemas']['CreateOrganisationDto']['type'];
export const ORGANISATION_TYPES: OrganisationType[] = ['VENDOR', 'AGENCY', 'VALIDATOR', 'FUNDER', 'CITY', 'OPERATOR'];

/** Every organisation, filtered by type and name, paged; and the registration of a new one. */
export default function Organisations() {
  const { t } = useTranslation('operator');
  const [type, setType] = useState<OrganisationType | ''>('');
  const [name, setName] = useState('');
  const organisations = usePaged(['organisations', 'page', type, name], (cursor) =>
    data(
      api.GET('/organisations', {
        params: { query: { type: type || undefined, name: name.trim() || undefined, cursor } },
      }),
    ),
  );
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('organisations.lead')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="organisation-type">{t('organisations.typeFilter')}</label>
          <select id="organisation-type" value={type} onChange={(e) => setType(e.target.value as OrganisationType)}>
            <option value="">{t('common.all')}</option>
            {ORGANISATION_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`orgType.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="organisation-name">{t('organisations.nameFilter')}</label>
          <input id="organisation-name" type="search" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      <Paged query={organisations} empty={t('organisations.empty')}>
        {(items) => (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="organisations">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.type')}</th>
                  <th scope="col">{t('organisations.taxCode')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`to-chuc/${o.id}`} state={{ name: o.name, type: o.type }}>
                        {o.name}
                      </Link>
                    </td>
                    <td>{t(`orgType.${o.type}`)}</td>
                    <td>{o.taxCode ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Paged>
      <CreateOrganisation />
    </>
  );
}

function CreateOrganisation() {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const [form, setForm] = useState({ type: 'VENDOR' as OrganisationType, name: '', taxCode: '' });
  const create = useMutation({
    mutationFn: () =>
      data(api.POST('/organisations', { body: { ...form, taxCode: form.taxCode.trim() || undefined } })),
    onSuccess: () => {
      setForm((current) => ({ ...current, name: '', taxCode: '' }));
      void client.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  return (
    <section aria-labelledby="create-organisation" className="card">
      <h2 id="create-organisation">{t('organisations.create')}</h2>
      <form onSubmit={submitWith(() => create.mutate())} noValidate className="narrow">
        <Field label={t('common.type')} name="type" error={create.error}>
          {(input) => (
            <select
              {...input}
              value={form.type}
              onChange={(e) => setForm({ ...form, type: e.target.value as OrganisationType })}
            >
              {ORGANISATION_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`orgType.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('common.name')} name="name" error={create.error}>
          {(input) => (
            <input {...input} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          )}
        </Field>
        <Field
          label={t('organisations.taxCode')}
          name="taxCode"
          error={create.error}
          hint={t('organisations.taxCodeHint')}
        >
          {(input) => (
            <input
              {...input}
              inputMode="numeric"
              value={form.taxCode}
              onChange={(e) => setForm({ ...form, taxCode: e.target.value })}
            />
          )}
        </Field>
        <FormFailure error={create.error} />
        {create.isSuccess && (
          <p role="status" className="notice">
            {t('organisations.created', { name: create.data.name })}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t('organisations.create')}
        </button>
      </form>
    </section>
  );
}
