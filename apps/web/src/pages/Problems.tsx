import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/categories';
import { fetchAll, type PublicKpi } from '../api/public';
import { Facts } from '../components/Facts';
import { Show } from '../components/Query';
import { formatDate, formatDecimal, formatDong, formatShare } from '../format';

/** Published problems with their KPIs (baseline → target) and budget envelope. */
export default function Problems() {
  const { t, i18n } = useTranslation();
  const { nameOf } = useCategories();
  const problems = useQuery({ queryKey: ['public', 'problems'], queryFn: () => fetchAll('/public/problems') });
  const kpiName = (k: PublicKpi) => (i18n.language === 'en' ? k.nameEn : k.nameVi);
  return (
    <>
      <h1>{t('problems.title')}</h1>
      <Show query={problems}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('app.empty')}</p>
          ) : (
            <ul className="stack" data-testid="problems">
              {list.map((p) => (
                <li key={p.id} className="card">
                  <h2>
                    {p.code} · {i18n.language === 'en' ? p.title_en : p.title_vi}
                  </h2>
                  <Facts
                    facts={[
                      [t('problems.agency'), p.agency_name],
                      [t('catalogue.category'), nameOf(p.category_code)],
                      [t('problems.budget'), formatDong(p.budget_envelope)],
                      [t('problems.outcomeShare'), formatShare(p.outcome_share_bp / 10_000)],
                      !!p.deadline && [t('problems.deadline'), formatDate(p.deadline)],
                    ]}
                  />
                  <div className="table-scroll" tabIndex={0}>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('problems.kpi')}</th>
                          <th scope="col">{t('problems.baselineTarget')}</th>
                          <th scope="col">{t('problems.weight')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.kpis.map((k) => (
                          <tr key={k.code}>
                            <td>
                              {kpiName(k)} <span className="muted">({t(`direction.${k.direction}`)})</span>
                            </td>
                            <td>
                              {k.baseline === null ? t('problems.measureBaseline') : formatDecimal(k.baseline)} →{' '}
                              {formatDecimal(k.target)} {k.unit}
                            </td>
                            <td>{k.weightBp === null ? '—' : formatShare(k.weightBp / 10_000)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}
