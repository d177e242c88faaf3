import { useQuery } from '@tanstack/react-query';
import { api, data, everyPage } from '../../api/client';
import type { components } from '../../api/openapi';

type OrganisationType = NonNullable<components['schemas']['OrganisationView']['type']>;

/** Every organisation of a type (page after page), for choosers and names; the demo and the city hold few. */
export function useOrganisations(type?: OrganisationType) {
  const query = useQuery({
    queryKey: ['organisations', 'all', type],
    queryFn: () =>
      everyPage((cursor) => data(api.GET('/organisations', { params: { query: { type, cursor, limit: 200 } } }))),
  });
  const nameOf = (id: string) => query.data?.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  return { organisations: query.data ?? [], nameOf, query };
}
