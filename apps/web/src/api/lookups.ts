import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from './client';
import { fetchAll } from './public';

/** Problem titles by id, in the current language (the public lists refer to problems by id). */
export function useProblemTitles() {
  const { i18n } = useTranslation();
  const problems = useQuery({ queryKey: ['public', 'problems'], queryFn: () => fetchAll('/public/problems') });
  return (id: string) => {
    const problem = problems.data?.find((p) => p.id === id);
    if (!problem) return id;
    return `${problem.code} · ${i18n.language === 'en' ? problem.title_en : problem.title_vi}`;
  };
}

/**
 * Vendor names the public lists know (rankings, awards, contracts), by organisation id; the catalogue itself does not
 * name vendors. An unnamed vendor shows the start of its id.
 */
export function useVendorNames() {
  const names = useQuery({
    queryKey: ['public', 'vendor-names'],
    queryFn: async () => {
      const [rankings, awards, orders] = await Promise.all([
        data(api.GET('/public/rankings')),
        fetchAll('/public/awards'),
        fetchAll('/public/orders'),
      ]);
      return new Map<string, string>([
        ...rankings.map((r): [string, string] => [r.vendorOrganisationId, r.vendorName]),
        ...awards.map((a): [string, string] => [a.vendor_organisation_id, a.vendor_name]),
        ...orders.map((o): [string, string] => [o.vendor_organisation_id, o.vendor_name]),
      ]);
    },
  });
  return (id: string) => names.data?.get(id) ?? id.slice(0, 8);
}
