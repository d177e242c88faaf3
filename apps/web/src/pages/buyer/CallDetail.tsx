import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, data } from '../../api/client';
import { useProblemTitles } from '../../api/lookups';
import { Field, FormFailure } from '../../components/Form';
import { Loading, Show } from '../../components/Query';
import { formatDateTime, formatDong, formatShare } from '../../format';
import { OffersSideBySide } from './Offers';
import { buyerPaths } from './paths';
import { Facts } from '../../components/Facts';
import type { Schemas } from './shared';

type Call = Schemas['CallView'];
type Offer = Schemas['OfferView'];
type Score = Schemas['ScoreView'];

/** While a call waits for its deadline or its scoring, its state is read again until it changes. */
const WAITING_POLL_MS = 5_000;
const disputeSeconds = (days: string) => Math.round(Number(days.replace(',', '.')) * 86_400);

function DisputeDays({ value, onChange, error }: { value: string; onChange: (days: string) => void; error: unknown }) {
  const { t } = useTranslation('buyer');
  return (
    <Field label={t('award.disputeDays')} name="disputeWindowSeconds" error={error} hint={t('award.disputeDaysHint')}>
      {(input) => <input {...input} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function Award({ call, offers, scores }: { call: Call; offers: Offer[]; scores: Score[] }) {
  const { t } = useTranslation('buyer');
  const navigate = useNavigate();
  const queries = useQueryClient();
  const best = [...scores].sort((x, y) => x.rank - y.rank)[0]?.offerId ?? '';
  const [offerId, setOfferId] = useState(call.pocProposedOfferId ?? best);
  const [justification, setJustification] = useState('');
  const [disputeDays, setDisputeDays] = useState('5');
  const award = useMutation({
    mutationFn: () =>
      data(
        api.POST('/calls/{id}/award', {
          params: { path: { id: call.id } },
          body: {
            offerId,
            justification: justification.trim() || undefined,
            disputeWindowSeconds: disputeSeconds(disputeDays),
          },
        }),
      ),
    onSuccess: (order) => {
      void queries.invalidateQueries({ queryKey: ['buyer'] });
      void navigate(buyerPaths.order(order.id));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    award.mutate();
  };
  const candidates = offers.filter((o) => o.status !== 'WITHDRAWN' && o.status !== 'REPLACED');
  return (
    <form onSubmit={submit} noValidate data-testid="award">
      <Field label={t('award.offer')} name="offerId" error={award.error}>
        {(input) => (
          <select {...input} value={offerId} onChange={(e) => setOfferId(e.target.value)}>
            {candidates.map((o) => (
              <option key={o.id} value={o.id}>
                {o.vendorName ?? o.vendorOrganisationId.slice(0, 8)} · {formatDong(o.price)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('award.justification')}
        name="justification"
        error={award.error}
        hint={t('award.justificationHint')}
      >
        {(input) => (
          <textarea {...input} rows={2} value={justification} onChange={(e) => setJustification(e.target.value)} />
        )}
      </Field>
      <DisputeDays value={disputeDays} onChange={setDisputeDays} error={award.error} />
      <button type="submit" disabled={award.isPending || !offerId}>
        {t('award.submit')}
      </button>
      <FormFailure error={award.error} />
    </form>
  );
}

function BakeOff({ call }: { call: Call }) {
  const { t } = useTranslation('buyer');
  const queries = useQueryClient();
  const comparison = useQuery({
    queryKey: ['buyer', 'bake-off', call.id],
    queryFn: () => data(api.GET('/calls/{id}/bake-off', { params: { path: { id: call.id } } })),
    enabled: call.status !== 'EVALUATED',
  });
  const [trialDays, setTrialDays] = useState('30');
  const [signWithinDays, setSignWithinDays] = useState('14');
  const [disputeDays, setDisputeDays] = useState('5');
  const start = useMutation({
    mutationFn: () =>
      data(
        api.POST('/calls/{id}/bake-off', {
          params: { path: { id: call.id } },
          body: {
            trialDays: Number(trialDays),
            signWithinDays: Number(signWithinDays),
            disputeWindowSeconds: disputeSeconds(disputeDays),
          },
        }),
      ),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['buyer'] }),
  });
  if (call.status === 'EVALUATED')
    return (
      <>
        <p>{t('bakeOff.explain', { finalists: call.pocFinalists, budget: formatDong(call.pocTrialBudget ?? '0') })}</p>
        <div className="filters">
          <Field label={t('bakeOff.trialDays')} name="trialDays" error={start.error}>
            {(input) => (
              <input {...input} inputMode="numeric" value={trialDays} onChange={(e) => setTrialDays(e.target.value)} />
            )}
          </Field>
          <Field label={t('bakeOff.signWithinDays')} name="signWithinDays" error={start.error}>
            {(input) => (
              <input
                {...input}
                inputMode="numeric"
                value={signWithinDays}
                onChange={(e) => setSignWithinDays(e.target.value)}
              />
            )}
          </Field>
        </div>
        <DisputeDays value={disputeDays} onChange={setDisputeDays} error={start.error} />
        <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {t('bakeOff.start')}
        </button>
        <FormFailure error={start.error} />
      </>
    );
  return (
    <Show query={comparison}>
      {(view) => (
        <ul className="stack" data-testid="bake-off">
          {view.finalists.map((f) => (
            <li key={f.offerId} className="card">
              <h3>
                {t('bakeOff.finalist', { rank: f.scoreRank })} · {t(`trialStatus.${f.trialStatus}`)}
              </h3>
              <Facts
                facts={[
                  [
                    t('bakeOff.trialOrder'),
                    <Link key="order" to={buyerPaths.order(f.orderId)}>
                      {f.orderId.slice(0, 8)}
                    </Link>,
                  ],
                  [t('bakeOff.paid'), `${f.paid == null ? '—' : formatDong(f.paid)} / ${formatDong(f.maxAmount)}`],
                  [
                    t('bakeOff.costEffectiveness'),
                    f.costEffectiveness == null ? '—' : formatShare(Number(f.costEffectiveness)),
                  ],
                ]}
              />
              {(f.eliminationReason ?? f.withdrawalReason) && <p>{f.eliminationReason ?? f.withdrawalReason}</p>}
            </li>
          ))}
        </ul>
      )}
    </Show>
  );
}

function ClosedCall({ call }: { call: Call }) {
  const { t } = useTranslation('buyer');
  const scored = call.status !== 'OPEN';
  const offers = useQuery({
    queryKey: ['buyer', 'offers', call.id],
    queryFn: () => data(api.GET('/calls/{id}/offers', { params: { path: { id: call.id } } })),
  });
  const scores = useQuery({
    queryKey: ['buyer', 'scores', call.id, call.status],
    queryFn: () => data(api.GET('/calls/{id}/scores', { params: { path: { id: call.id } } })),
    enabled: scored,
  });
  const problem = useQuery({
    queryKey: ['buyer', 'problem', call.problemId],
    queryFn: () => data(api.GET('/problems/{id}', { params: { path: { id: call.problemId } } })),
  });
  if (offers.isPending || problem.isPending || (scored && scores.isPending)) return <Loading />;
  if (offers.isError || problem.isError) return <FormFailure error={offers.error ?? problem.error} />;
  const weights = {
    price: call.weightPriceBp / 10_000,
    effect: call.weightEffectBp / 10_000,
    trust: call.weightTrustBp / 10_000,
  };
  const awardable = call.status === 'POC_PROPOSED' || (call.status === 'EVALUATED' && call.awardMode === 'DIRECT');
  return (
    <>
      {!scored && (
        <p role="status" data-testid="scoring">
          {t('call.scoring')}
        </p>
      )}
      {offers.data.length === 0 ? (
        <p className="muted">{t('offers.none')}</p>
      ) : (
        <OffersSideBySide offers={offers.data} scores={scores.data ?? []} problem={problem.data} weights={weights} />
      )}
      {call.awardMode === 'POC' && scored && (
        <section aria-labelledby="bake-off-heading">
          <h2 id="bake-off-heading">{t('bakeOff.title')}</h2>
          <BakeOff call={call} />
        </section>
      )}
      {awardable && offers.data.length > 0 && (
        <section aria-labelledby="award-heading">
          <h2 id="award-heading">{t('award.title')}</h2>
          <Award call={call} offers={offers.data} scores={scores.data ?? []} />
        </section>
      )}
      {call.awardJustification && <p>{t('award.justified', { text: call.awardJustification })}</p>}
    </>
  );
}

/** A call of the agency: waiting for its deadline, then its offers side by side with their scores, and the award. */
export default function CallDetail() {
  const { t } = useTranslation('buyer');
  const { id = '' } = useParams();
  const problemTitle = useProblemTitles();
  const call = useQuery({
    queryKey: ['buyer', 'call', id],
    queryFn: () => data(api.GET('/calls/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'OPEN' ? WAITING_POLL_MS : false),
  });
  return (
    <Show query={call}>
      {(c) => {
        const closed = new Date(c.deadline).getTime() <= Date.now();
        return (
          <>
            <h1>{t('call.title')}</h1>
            <p className="lead">{problemTitle(c.problemId)}</p>
            <Facts
              facts={[
                [t('call.status'), t(`callStatus.${c.status}`), 'call-status'],
                [t('call.deadline'), formatDateTime(c.deadline)],
                [t('call.eligible'), c.eligibleSolutionIds.length],
                [t('call.awardMode'), t(`awardMode.${c.awardMode}`)],
              ]}
            />
            <p>
              <Link to={buyerPaths.problem(c.problemId)}>{t('call.toProblem')}</Link>
            </p>
            {closed ? (
              <ClosedCall call={c} />
            ) : (
              <p role="status" data-testid="sealed">
                {t('call.sealed')}
              </p>
            )}
          </>
        );
      }}
    </Show>
  );
}
