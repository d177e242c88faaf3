import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Paged, type PagedQuery } from '../../components/Paged';
import { Show } from '../../components/Query';
import { formatDateTime, formatDong } from '../../format';
import type { Schemas } from './shared';

type Line = Schemas['StatementLineView'];

/**
 * An account's movements, newest first, paged: what came in (an allocation, a deposit), what each signed order
 * reserved into its escrow, and what each closed order gave back. `orderLink` names the order a movement concerns.
 */
export function Statement({ list, orderLink }: { list: PagedQuery<Line>; orderLink: (orderId: string) => ReactNode }) {
  const { t } = useTranslation('buyer');
  return (
    <Paged query={list} empty={t('statement.none')}>
      {(items) => (
        <div className="table-scroll" tabIndex={0}>
          <table data-testid="statement">
            <caption>{t('statement.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statement.at')}</th>
                <th scope="col">{t('statement.kind')}</th>
                <th scope="col">{t('statement.about')}</th>
                <th scope="col" className="num">
                  {t('statement.amount')}
                </th>
                <th scope="col" className="num">
                  {t('statement.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((line, i) => (
                <tr key={`${line.at}-${i}`}>
                  <td>{formatDateTime(line.at)}</td>
                  <td>{t(`statement.kinds.${line.kind}`, { defaultValue: line.kind })}</td>
                  <td>{line.orderId ? orderLink(line.orderId) : (line.reference ?? '—')}</td>
                  <td className="num">{formatDong(line.amount)}</td>
                  <td className="num">{formatDong(line.balanceAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Paged>
  );
}

/** An account's page (the agency's budget, the co-funder's pool): what is available now, and its statement. */
export function AccountPage({
  title,
  account,
  available,
  hint,
  statementTitle,
  statement,
  orderLink,
}: {
  title: string;
  account: UseQueryResult<{ available: string }>;
  available: { label: string; testId: string };
  hint: string;
  statementTitle?: string;
  statement: PagedQuery<Line>;
  orderLink: (orderId: string) => ReactNode;
}) {
  return (
    <>
      <h1>{title}</h1>
      <Show query={account}>
        {(a) => (
          <dl className="figures">
            <div>
              <dt>{available.label}</dt>
              <dd data-testid={available.testId}>{formatDong(a.available)}</dd>
            </div>
          </dl>
        )}
      </Show>
      <p className="hint">{hint}</p>
      {statementTitle && <h2>{statementTitle}</h2>}
      <Statement list={statement} orderLink={orderLink} />
    </>
  );
}
