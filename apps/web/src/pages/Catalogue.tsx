import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCategories } from '../api/categories';
import { api, data } from '../api/client';
import type { components } from '../api/openapi';
import { Show } from '../components/Query';
import { formatDong } from '../format';
import { paths } from '../paths';

type TrustLabel = components['schemas']['ListingView']['trustLabel'];
type Deployment = NonNullable<components['schemas']['ListingView']['deploymentModel']>;
const TRUST_LABELS: TrustLabel[] = ['XUAT_SAC', 'TOT', 'DAT', 'CAN_CAI_THIEN', 'YEU', 'NHA_CUNG_CAP_MOI'];
const DEPLOYMENTS: Deployment[] = ['cloud', 'on_premise', 'hybrid', 'saas'];
const PAGE_SIZE = 20;

/** Catalogue search: the filters live in the address, so a search can be shared and the back button works. */
export default function Catalogue() {
  const { t } = useTranslation();
  const { categories, nameOf } = useCategories();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [cursors, setCursors] = useState<string[]>([]);
  const filters = {
    q: params.get('q') || undefined,
    category: params.get('category') || undefined,
    trustLabel: (params.get('trustLabel') as TrustLabel | null) ?? undefined,
    makeInVietnam: params.has('makeInVietnam') ? params.get('makeInVietnam') === 'true' : undefined,
    deploymentModel: (params.get('deploymentModel') as Deployment | null) ?? undefined,
  };
  const cursor = cursors.at(-1);
  const results = useQuery({
    queryKey: ['catalogue', filters, cursor],
    queryFn: () =>
      data(
        api.GET('/catalog/search', {
          params: {
            query: {
              ...filters,
              trustLabel: filters.trustLabel ? [filters.trustLabel] : undefined,
              limit: PAGE_SIZE,
              cursor,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([]);
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', text.trim());
  };

  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <form role="search" className="search" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="q">{t('catalogue.search')}</label>
          <div className="inline">
            <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit">{t('catalogue.searchButton')}</button>
          </div>
        </div>
        <div className="filters">
          <Select
            id="category"
            label={t('catalogue.category')}
            value={filters.category}
            onChange={(v) => setFilter('category', v)}
            options={categories.map((c) => [c.code, nameOf(c.code)])}
          />
          <Select
            id="trustLabel"
            label={t('catalogue.trustLabel')}
            value={filters.trustLabel}
            onChange={(v) => setFilter('trustLabel', v)}
            options={TRUST_LABELS.map((l) => [l, t(`trust.${l}`)])}
          />
          <Select
            id="makeInVietnam"
            label={t('catalogue.makeInVietnam')}
            value={filters.makeInVietnam === undefined ? undefined : String(filters.makeInVietnam)}
            onChange={(v) => setFilter('makeInVietnam', v)}
            options={[
              ['true', t('catalogue.yes')],
              ['false', t('catalogue.no')],
            ]}
          />
          <Select
            id="deploymentModel"
            label={t('catalogue.deployment')}
            value={filters.deploymentModel}
            onChange={(v) => setFilter('deploymentModel', v)}
            options={DEPLOYMENTS.map((d) => [d, t(`deployment.${d}`)])}
          />
        </div>
      </form>
      <section aria-labelledby="results" aria-live="polite">
        <h2 id="results">
          {t('catalogue.results')} · {t('catalogue.page', { n: cursors.length + 1 })}
        </h2>
        <Show query={results}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t('catalogue.none')}</p>
            ) : (
              <ul className="cards" data-testid="catalogue-results">
                {page.items.map((s) => (
                  <li key={s.id} className="card">
                    <h3>
                      <Link to={paths.solution(s.id)}>{s.name}</Link>
                    </h3>
                    <p>{s.summary}</p>
                    <p className="tags">
                      <span className="tag">{nameOf(s.categoryCode)}</span>
                      <span className={`tag trust-${s.trustLabel}`}>{t(`trust.${s.trustLabel}`)}</span>
                      {s.makeInVietnam && <span className="tag">Make in Vietnam</span>}
                      {s.deploymentModel && <span className="tag">{t(`deployment.${s.deploymentModel}`)}</span>}
                    </p>
                    {s.priceMin && s.priceMax && (
                      <p className="muted">
                        {t('catalogue.price')}: {formatDong(s.priceMin)} – {formatDong(s.priceMax)}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Show>
        <div className="pager">
          {cursors.length > 0 && (
            <button type="button" onClick={() => setCursors([])}>
              {t('catalogue.first')}
            </button>
          )}
          {results.data?.nextCursor && (
            <button type="button" onClick={() => setCursors([...cursors, results.data.nextCursor!])}>
              {t('catalogue.next')}
            </button>
          )}
        </div>
      </section>
    </>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('catalogue.any')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
