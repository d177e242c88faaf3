import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';

type OrganisationType = NonNullable<components['schemas']['OrganisationView']['type']>;

/** Every organisation of a type (page after page), for choosers and names; the demo and the city hold few. */
export function useOrganisations(type?: OrganisationType) {
  const query = useQuery({
    queryKey: ['organisations', 'all', type],
    queryFn: async () => {
      const all: Array<components['schemas']['OrganisationView']> = [];
      let cursor: string | undefined;
      do {
        const page = await data(api.GET('/organisations', { params: { query: { type, cursor, limit: 200 } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
  const nameOf = (id: string) => query.data?.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  return { organisations: query.data ?? [], nameOf, query };
}
