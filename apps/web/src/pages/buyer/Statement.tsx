import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDong } from '../../format';
import { Paged, type PagedQuery } from '../../components/Paged';
import type { Schemas } from './shared';

type Line = Schemas['StatementLineView'];

/**
 * An account's movements, newest first, paged: what came in (an allocation, a deposit), what each signed order
 * reserved into its escrow, and what each closed order gave back. `orderLink` names the order a movement concerns.
 */
export function Statement({
  list,
  orderLink,
}: {
  list: PagedQuery<Line>;
  orderLink: (orderId: string) => React.ReactNode;
}) {
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
