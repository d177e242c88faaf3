import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { RoleChoice, type Role } from './RoleChoice';
import { submitWith } from './submit';

type UserView = components['schemas']['UserView'];
type OrganisationType = components['schemas']['OrganisationView']['type'];

/** A form that sends one change of a user and refreshes the organisation's users after it. */
function useUserChange<T>(user: UserView, send: (value: T) => Promise<UserView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organisations', user.organisationId, 'users'] }),
  });
}

function ActionForm({
  title,
  onSubmit,
  error,
  done,
  children,
  submit,
  busy,
}: {
  title: string;
  onSubmit: () => void;
  error: unknown;
  done: ReactNode;
  children?: ReactNode;
  submit: string;
  busy: boolean;
}) {
  return (
    <form noValidate onSubmit={submitWith(onSubmit)}>
      <h3>{title}</h3>
      {children}
      <FormFailure error={error} />
      {done}
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

/** Disable or enable, change roles, reset the password: each ends the user's current sessions (the API says so). */
export function UserActions({ user, organisationType }: { user: UserView; organisationType?: OrganisationType }) {
  const { t } = useTranslation('operator');
  const [reason, setReason] = useState('');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [password, setPassword] = useState('');
  const path = { params: { path: { id: user.id } } };
  const disable = useUserChange(user, () => data(api.POST('/users/{id}/disable', { ...path, body: { reason } })));
  const enable = useUserChange(user, () => data(api.POST('/users/{id}/enable', path)));
  const changeRoles = useUserChange(user, () => data(api.PUT('/users/{id}/roles', { ...path, body: { roles } })));
  const reset = useUserChange(user, () => data(api.POST('/users/{id}/password', { ...path, body: { password } })));
  const done = (success: boolean) =>
    success && (
      <p role="status" className="notice">
        {t('users.changed', { name: user.fullName })}
      </p>
    );

  return (
    <div className="user-actions">
      {user.disabledAt ? (
        <ActionForm
          title={t('users.enable')}
          onSubmit={() => {
            // The account changes state: the other form starts afresh.
            disable.reset();
            setReason('');
            enable.mutate(undefined);
          }}
          error={enable.error}
          done={done(enable.isSuccess)}
          submit={t('users.enable')}
          busy={enable.isPending}
        />
      ) : (
        <ActionForm
          title={t('users.disable')}
          onSubmit={() => {
            enable.reset();
            disable.mutate(undefined);
          }}
          error={disable.error}
          done={done(disable.isSuccess)}
          submit={t('users.disable')}
          busy={disable.isPending}
        >
          <Field label={t('users.disableReason')} name="reason" error={disable.error}>
            {(input) => <input {...input} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </ActionForm>
      )}
      <ActionForm
        title={t('users.changeRoles')}
        onSubmit={() => changeRoles.mutate(undefined)}
        error={changeRoles.error}
        done={done(changeRoles.isSuccess)}
        submit={t('users.changeRoles')}
        busy={changeRoles.isPending}
      >
        <RoleChoice
          legend={t('users.roles')}
          organisationType={organisationType}
          value={roles}
          onChange={setRoles}
          error={changeRoles.error}
        />
      </ActionForm>
      <ActionForm
        title={t('users.resetPassword')}
        onSubmit={() => reset.mutate(undefined)}
        error={reset.error}
        done={done(reset.isSuccess)}
        submit={t('users.resetPassword')}
        busy={reset.isPending}
      >
        <Field label={t('users.newPassword')} name="password" error={reset.error} hint={t('users.passwordHint')}>
          {(input) => (
            <input
              {...input}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
      </ActionForm>
    </div>
  );
}
