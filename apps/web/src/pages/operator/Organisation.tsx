import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, data } from '../../api/client';
import { Facts } from '../../components/Facts';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { formatDate } from '../../format';
import { Paged, usePaged } from '../../components/Paged';
import { useOrganisations } from './organisations';
import { RoleChoice, type Role } from './RoleChoice';
import { UserActions } from './UserActions';
import { submitWith } from './submit';

type OrganisationType = components['schemas']['OrganisationView']['type'];

/** One organisation's users, paged, with what the operator can do to each; and a new user. */
export default function Organisation() {
  const { id = '' } = useParams();
  const { t } = useTranslation('operator');
  const { t: common } = useTranslation();
  const state = useLocation().state as { name?: string; type?: OrganisationType } | null;
  const { organisations } = useOrganisations();
  const known = organisations.find((o) => o.id === id);
  const name = state?.name ?? known?.name ?? '';
  const type = state?.type ?? known?.type;
  const [acting, setActing] = useState<string>();
  const users = usePaged(['organisations', id, 'users'], (cursor) =>
    data(api.GET('/organisations/{id}/users', { params: { path: { id }, query: { cursor } } })),
  );
  return (
    <>
      <p>
        <Link to="/quan-tri">{t('users.back')}</Link>
      </p>
      <h1>{t('users.title', { name })}</h1>
      <Paged query={users} empty={t('users.empty')}>
        {(items) => (
          <ul className="stack" data-testid="users">
            {items.map((u) => (
              <li key={u.id} className="card">
                <h2>{u.fullName}</h2>
                <Facts
                  facts={[
                    [t('users.email'), u.email],
                    [t('users.roles'), u.roles.map((r) => common(`roles.${r}`)).join(', ')],
                    [
                      t('users.status'),
                      u.disabledAt ? t('users.disabled', { date: formatDate(u.disabledAt) }) : t('users.active'),
                    ],
                  ]}
                />
                <button
                  type="button"
                  aria-expanded={acting === u.id}
                  onClick={() => setActing(acting === u.id ? undefined : u.id)}
                >
                  {t('users.actions', { name: u.fullName })}
                </button>
                {acting === u.id && <UserActions user={u} organisationType={type} />}
              </li>
            ))}
          </ul>
        )}
      </Paged>
      <CreateUser organisationId={id} organisationType={type} />
    </>
  );
}

function CreateUser({
  organisationId,
  organisationType,
}: {
  organisationId: string;
  organisationType?: OrganisationType;
}) {
  const { t } = useTranslation('operator');
  const client = useQueryClient();
  const empty = { email: '', fullName: '', password: '', roles: [] as Role[] };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () =>
      data(api.POST('/organisations/{id}/users', { params: { path: { id: organisationId } }, body: form })),
    onSuccess: () => {
      setForm(empty);
      void client.invalidateQueries({ queryKey: ['organisations', organisationId, 'users'] });
    },
  });
  return (
    <section aria-labelledby="create-user" className="card">
      <h2 id="create-user">{t('users.create')}</h2>
      <form onSubmit={submitWith(() => create.mutate())} noValidate className="narrow">
        <Field label={t('users.fullName')} name="fullName" error={create.error}>
          {(input) => (
            <input {...input} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
          )}
        </Field>
        <Field label={t('users.email')} name="email" error={create.error}>
          {(input) => (
            <input
              {...input}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('users.password')} name="password" error={create.error} hint={t('users.passwordHint')}>
          {(input) => (
            <input
              {...input}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
        <RoleChoice
          legend={t('users.roles')}
          organisationType={organisationType}
          value={form.roles}
          onChange={(roles) => setForm({ ...form, roles })}
          error={create.error}
        />
        <FormFailure error={create.error} />
        {create.isSuccess && (
          <p role="status" className="notice">
            {t('users.created', { email: create.data.email })}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}
