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

/** Vendor names the public ranking knows, by organisation id. */
export function useVendorNames() {
  const rankings = useQuery({ queryKey: ['rankings', '*'], queryFn: () => data(api.GET('/public/rankings')) });
  return (id: string) => rankings.data?.find((r) => r.vendorOrganisationId === id)?.vendorName ?? id.slice(0, 8);
}
