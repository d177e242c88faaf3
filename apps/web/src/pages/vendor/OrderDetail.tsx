import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDate, formatDateTime, formatDecimal, formatDong, formatShare } from '../../format';
import { AcceptanceRecords } from './AcceptanceRecords';
import { Facts } from '../../components/Facts';
import { vendorPaths } from './shared';

interface OrderTerms {
  problemId: string;
  maxAmount: string;
  deliveryShareBp: number;
  floorBp: number;
  disputeWindowSeconds: number;
  startsAt: string;
  endsAt: string;
  kpis: Array<{ key: string; nameVi: string; unit: string; weightBp: number; baseline: string | null; target: string }>;
  rounds: Array<{ no: number; shareBp: number; startsAt: string; endsAt: string }>;
}

const bp = (value: number) => formatShare(value / 10_000, 2);

/** An order: the terms to read and sign, then its rounds, acceptance records, disputes and payments. */
export default function OrderDetail() {
  const { t } = useTranslation('vendor');
  const { id = '' } = useParams();
  const problemTitle = useProblemTitles();
  const queries = useQueryClient();
  const order = useQuery({
    queryKey: ['vendor', 'order', id],
    queryFn: () => data(api.GET('/orders/{id}', { params: { path: { id } } })),
  });
  const sign = useMutation({
    mutationFn: (termsHash: string) =>
      data(api.POST('/orders/{id}/signatures', { params: { path: { id } }, body: { termsHash } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['vendor'] }),
  });
  return (
    <Show query={order}>
      {(o) => {
        const terms = o.terms as unknown as OrderTerms;
        const signed = o.signatures.find((s) => s.party === 'VENDOR');
        return (
          <>
            <p>
              <Link to={vendorPaths.orders}>← {t('orders.title')}</Link>
            </p>
            <h1>{problemTitle(terms.problemId)}</h1>
            <Facts
              testId="order-facts"
              facts={[
                [t('order.status'), <span data-testid="order-status">{t(`orderStatus.${o.status}`)}</span>],
                [t('order.max'), formatDong(o.maxAmount)],
                [t('order.escrow'), formatDong(o.escrowBalance || '0')],
                [t('order.period'), `${formatDate(terms.startsAt)} – ${formatDate(terms.endsAt)}`],
                [t('order.deliveryShare'), bp(terms.deliveryShareBp)],
                [t('order.floor'), bp(terms.floorBp)],
                [t('order.disputeWindow'), t('order.days', { count: Math.round(terms.disputeWindowSeconds / 86_400) })],
              ]}
            />
            <h2>{t('order.kpis')}</h2>
            <div className="table-scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">KPI</th>
                    <th scope="col">{t('order.weight')}</th>
                    <th scope="col">{t('order.baseline')}</th>
                    <th scope="col">{t('order.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {terms.kpis.map((k) => (
                    <tr key={k.key}>
                      <td>
                        {k.key} · {k.nameVi} ({k.unit})
                      </td>
                      <td className="num">{bp(k.weightBp)}</td>
                      <td className="num">{k.baseline === null ? '—' : formatDecimal(k.baseline)}</td>
                      <td className="num">{formatDecimal(k.target)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>{t('order.rounds')}</h2>
            <ul>
              {terms.rounds.map((r) => (
                <li key={r.no}>
                  {t('order.round', { n: r.no })}: {formatDate(r.startsAt)} – {formatDate(r.endsAt)} · {bp(r.shareBp)}
                </li>
              ))}
            </ul>
            <section aria-labelledby="signatures">
              <h2 id="signatures">{t('order.signatures')}</h2>
              <p>
                {t('order.termsHash')}: <code className="hash">{o.termsHash}</code>
              </p>
              <ul data-testid="signatures">
                {o.signatures.map((s) => (
                  <li key={s.party}>
                    {t(`order.party.${s.party}`)} — {formatDateTime(s.signedAt)}
                  </li>
                ))}
              </ul>
              {o.status === 'DRAFT' && !signed && (
                <>
                  <p className="notice">{t('order.signNotice')}</p>
                  <FormFailure error={sign.error} />
                  <button type="button" onClick={() => sign.mutate(o.termsHash)} disabled={sign.isPending}>
                    {t('order.sign')}
                  </button>
                </>
              )}
            </section>
            {o.status !== 'DRAFT' && <AcceptanceRecords orderId={o.id} />}
          </>
        );
      }}
    </Show>
  );
}
