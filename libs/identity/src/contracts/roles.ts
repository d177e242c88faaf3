export const ORGANISATION_TYPES = ['VENDOR', 'AGENCY', 'OPERATOR', 'CITY', 'VALIDATOR', 'FUNDER'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  'VENDOR',
  'BUYER',
  'ACCEPTANCE_OFFICER',
  'ASSESSOR',
  'OPERATOR_ADMIN',
  'CITY_VIEWER',
  'FUNDER',
] as const;
export type Role = (typeof ROLES)[number];

/** Which organisation types a role may belong to (PRODUCT.md "Actors and roles"). */
export const ROLE_ORGANISATION_TYPES: Record<Role, readonly OrganisationType[]> = {
  VENDOR: ['VENDOR'],
  BUYER: ['AGENCY'],
  ACCEPTANCE_OFFICER: ['AGENCY', 'VALIDATOR'],
  ASSESSOR: ['OPERATOR'],
  OPERATOR_ADMIN: ['OPERATOR'],
  CITY_VIEWER: ['CITY'],
  FUNDER: ['FUNDER'],
};

/** Who is calling: a person with a token or a machine with an API key, always inside one organisation. */
export interface Principal {
  userId: string | null;
  apiKeyId: string | null;
  organisationId: string;
  organisationType: OrganisationType;
  roles: Role[];
  name: string;
}
