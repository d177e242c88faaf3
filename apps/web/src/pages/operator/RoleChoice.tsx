import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { components } from '../../api/openapi';

export type Role = components['schemas']['UserView']['roles'][number];
type OrganisationType = components['schemas']['OrganisationView']['type'];

/** The roles a person of this type of organisation can hold (the API refuses any other). */
const ROLES_OF: Record<OrganisationType, Role[]> = {
  VENDOR: ['VENDOR'],
  AGENCY: ['BUYER', 'ACCEPTANCE_OFFICER'],
  VALIDATOR: ['ACCEPTANCE_OFFICER'],
  OPERATOR: ['OPERATOR_ADMIN', 'ASSESSOR'],
  CITY: ['CITY_VIEWER'],
  FUNDER: ['FUNDER'],
};

/** Check boxes for the roles that fit the organisation, with the API's words about `roles` after a refusal. */
export function RoleChoice({
  legend,
  organisationType,
  value,
  onChange,
  error,
}: {
  legend: string;
  organisationType: OrganisationType | undefined;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const problems = (error as ApiError | null)?.problemsOf?.('roles') ?? [];
  const roles = organisationType ? ROLES_OF[organisationType] : Object.values(ROLES_OF).flat();
  return (
    <fieldset className="roles" aria-invalid={problems.length > 0}>
      <legend>{legend}</legend>
      {roles.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />{' '}
          {t(`roles.${role}`)}
        </label>
      ))}
      {problems.length > 0 && (
        <p className="error" role="alert">
          {problems.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
