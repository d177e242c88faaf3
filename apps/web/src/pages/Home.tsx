import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data, everyPage } from '../api/client';
import { fetchAll, paidForResults } from '../api/public';
import { Show } from '../components/Query';
import { formatDong } from '../format';
import { paths } from '../paths';

/** What the marketplace is, and its public figures today (each counted from the public lists). */
export default function Home() {
  const { t } = useTranslation();
  const figures = useQuery({
    queryKey: ['home-figures'],
    queryFn: async () => {
      const [solutions, problems, calls, orders, payments] = await Promise.all([
        everyPage((cursor) => data(api.GET('/solutions', { params: { query: { limit: 200, cursor } } }))),
        fetchAll('/public/problems'),
        fetchAll('/public/calls'),
        fetchAll('/public/orders'),
        fetchAll('/public/payments'),
      ]);
      return {
        solutions: solutions.length,
        problems: problems.length,
        openCalls: calls.filter((c) => c.status === 'OPEN').length,
        orders: orders.filter((o) => !o.trial).length,
        paid: paidForResults(payments),
      };
    },
  });
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <Link className="button" to={paths.catalogue}>
          {t('home.explore')}
        </Link>
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t('home.figures')}</h2>
        <Show query={figures}>
          {(f) => (
            <dl className="figures">
              <div>
                <dt>{t('home.solutions')}</dt>
                <dd data-testid="figure-solutions">{f.solutions}</dd>
              </div>
              <div>
                <dt>{t('home.problems')}</dt>
                <dd data-testid="figure-problems">{f.problems}</dd>
              </div>
              <div>
                <dt>{t('home.openCalls')}</dt>
                <dd>{f.openCalls}</dd>
              </div>
              <div>
                <dt>{t('home.orders')}</dt>
                <dd>{f.orders}</dd>
              </div>
              <div>
                <dt>{t('home.paid')}</dt>
                <dd>{formatDong(f.paid)}</dd>
              </div>
            </dl>
          )}
        </Show>
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{t('home.how')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
          <li>{t('home.step4')}</li>
        </ol>
      </section>
    </>
  );
}
