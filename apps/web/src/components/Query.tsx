import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

export function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('app.error')}: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/** Renders a query's data, or its loading state or error. */
export function Show<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failure error={query.error} />;
  return <>{children(query.data)}</>;
}
