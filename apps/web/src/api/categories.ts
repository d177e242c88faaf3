import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from './client';

/** The category taxonomy and a name lookup in the current language. */
export function useCategories() {
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: ['categories'], queryFn: () => data(api.GET('/categories')) });
  const nameOf = (code: string) => {
    const category = query.data?.find((c) => c.code === code);
    if (!category) return code;
    return i18n.language === 'en' ? category.nameEn : category.nameVi;
  };
  return { categories: query.data ?? [], nameOf };
}
