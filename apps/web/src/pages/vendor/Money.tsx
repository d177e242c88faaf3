import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { fetchAll } from '../../api/public';
import { Show } from '../../components/Query';
import { formatDateTime, formatDong } from '../../format';
import { useOrganisationId } from '../../auth/use-session';

/** What the vendor earned and was paid: its payable, disbursed and owed balances and every movement of its money. */
export default function Money() {
  const { t } = useTranslation('vendor');
  const vendorId = useOrganisationId();
  const money = useQuery({
    queryKey: ['vendor', 'money', vendorId],
    queryFn: async () => {
      const [balances, payments] = await Promise.all([
        data(api.GET('/vendors/{vendorId}/balances', { params: { path: { vendorId } } })),
        fetchAll('/public/payments'),
      ]);
      const own = payments.filter((p) => p.payee_organisation_id === vendorId || p.payer_organisation_id === vendorId);
      return { balances, payments: own.reverse() };
    },
  });
  return (
    <>
      <h1>{t('money.title')}</h1>
      <Show query={money}>
        {({ balances, payments }) => (
          <>
            <dl className="figures" data-testid="balances">
              {(['payable', 'disbursed', 'owed'] as const).map((key) => (
                <div key={key}>
                  <dt>{t(`money.${key}`)}</dt>
                  <dd data-testid={`balance-${key}`}>{formatDong(balances[key])}</dd>
                </div>
              ))}
            </dl>
            <h2>{t('money.payments')}</h2>
            {payments.length === 0 ? (
              <p>{t('money.none')}</p>
            ) : (
              <div className="table-scroll" tabIndex={0}>
                <table data-testid="payments">
                  <thead>
                    <tr>
                      <th scope="col">{t('money.at')}</th>
                      <th scope="col">{t('money.kind')}</th>
                      <th scope="col">{t('money.round')}</th>
                      <th scope="col">{t('money.amount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {payments.map((p) => (
                      <tr key={p.id} className={p.kind === 'clawback' ? 'clawback' : undefined}>
                        <td>{formatDateTime(p.occurred_at)}</td>
                        <td>{t(`money.kinds.${p.kind}`)}</td>
                        <td>{p.round_no ?? '—'}</td>
                        <td className="num">{formatDong(p.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Show>
    </>
  );
}
