import { useTranslation } from 'react-i18next';
import { formatDecimal, formatDong, formatNumber, formatShare } from '../../format';
import type { Schemas } from './shared';

type Offer = Schemas['OfferView'];
type Score = Schemas['ScoreView'];
type Problem = Schemas['ProblemView'];

const committed = (baseline: string | null, target: string, unit: string) =>
  `${baseline === null ? '?' : formatDecimal(baseline)} → ${formatDecimal(target)} ${unit}`;

/**
 * Every offer of a closed call in its own column, read row by row: the price, the time and payment model, each KPI's
 * committed target against the problem's, and the tier-2 score with its breakdown (price, effect, trust) and rank.
 */
export function OffersSideBySide({
  offers,
  scores,
  problem,
  weights,
}: {
  offers: Offer[];
  scores: Score[];
  problem: Problem;
  weights: { price: number; effect: number; trust: number };
}) {
  const { t } = useTranslation('buyer');
  const scoreOf = (offerId: string) => scores.find((s) => s.offerId === offerId);
  const ranked = [...offers].sort((x, y) => (scoreOf(x.id)?.rank ?? 99) - (scoreOf(y.id)?.rank ?? 99));
  const score = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value));
  const row = (label: string, cell: (offer: Offer) => string) => (
    <tr>
      <th scope="row">{label}</th>
      {ranked.map((o) => (
        <td key={o.id}>{cell(o)}</td>
      ))}
    </tr>
  );
  return (
    <>
      <p>
        {t('offers.weights', {
          price: formatShare(weights.price),
          effect: formatShare(weights.effect),
          trust: formatShare(weights.trust),
        })}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="offers">
          <caption>{t('offers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('offers.criterion')}</th>
              {ranked.map((o) => (
                <th scope="col" key={o.id}>
                  {o.vendorName ?? o.vendorOrganisationId.slice(0, 8)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row(t('offers.rank'), (o) => String(scoreOf(o.id)?.rank ?? '—'))}
            {row(t('offers.total'), (o) => score(scoreOf(o.id)?.total))}
            {row(t('offers.priceScore'), (o) => score(scoreOf(o.id)?.priceScore))}
            {row(t('offers.effectScore'), (o) => score(scoreOf(o.id)?.effectScore))}
            {row(t('offers.trustScore'), (o) => score(scoreOf(o.id)?.trustScore))}
            {row(t('offers.price'), (o) => formatDong(o.price))}
            {row(t('offers.duration'), (o) => t('offers.days', { count: o.durationDays }))}
            {row(t('offers.rounds'), (o) => String(o.rounds))}
            {row(t('offers.deliveryShare'), (o) => formatShare(o.deliveryShareBp / 10_000))}
            {row(t('offers.floor'), (o) => formatShare(o.floorBp / 10_000))}
            {problem.kpis.map((k) => (
              <tr key={k.code}>
                <th scope="row">
                  {k.code} · {k.nameVi}{' '}
                  <span className="muted">
                    ({t('offers.problemTarget', { target: formatDecimal(k.target), unit: k.unit })})
                  </span>
                </th>
                {ranked.map((o) => {
                  const commitment = o.kpiCommitments.find((c) => c.kpiCode === k.code);
                  return (
                    <td key={o.id}>
                      {commitment
                        ? committed(commitment.baseline ?? k.baseline ?? null, commitment.target, k.unit)
                        : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
            {row(t('offers.status'), (o) => t(`offerStatus.${o.status}`, { defaultValue: o.status }))}
          </tbody>
        </table>
      </div>
    </>
  );
}
