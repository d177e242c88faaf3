import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { Field, FormFailure } from '../../components/Form';
import { Show } from '../../components/Query';
import { formatDateTime, formatDong } from '../../format';
import { PayoutChart } from './PayoutChart';
import { vendorPaths } from './shared';

type Problem = components['schemas']['ProblemView'];
type Call = components['schemas']['CallView'];
type Solution = components['schemas']['SolutionView'];

const LEVELS = '0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1';

interface OfferDraft {
  solutionId: string;
  price: string;
  durationDays: string;
  rounds: string;
  roundShares: string[];
  deliveryShare: string;
  floor: string;
  targets: Record<string, { target: string; baseline: string }>;
  acceptsPocElimination: boolean;
}

/** A percentage typed by a person ("12,5") in basis points (1250). */
const basisPoints = (percent: string) => Math.round(Number(percent.replace(',', '.')) * 100);

function termsOf(d: OfferDraft) {
  const rounds = Number(d.rounds);
  const shares = d.roundShares.slice(0, rounds);
  return {
    price: d.price.trim(),
    rounds,
    roundSharesBp: shares.some((s) => s.trim()) ? shares.map(basisPoints) : undefined,
    deliveryShareBp: d.deliveryShare.trim() ? basisPoints(d.deliveryShare) : 0,
    floorBp: d.floor.trim() ? basisPoints(d.floor) : undefined,
    kpiCommitments: Object.entries(d.targets).map(([kpiCode, c]) => ({
      kpiCode,
      target: c.target.trim().replace(',', '.'),
      baseline: c.baseline.trim() ? c.baseline.trim().replace(',', '.') : undefined,
    })),
  };
}

/** The value after it stopped changing for a moment, so the simulator asks once per pause in typing. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** An offer on an open call (Mẫu 02): KPI–time–cost commitment, payment model, POC consent, with its payouts drawn. */
export default function OfferForm() {
  const { id = '' } = useParams();
  const context = useQuery({
    queryKey: ['vendor', 'offer-context', id],
    queryFn: async () => {
      const call = await data(api.GET('/calls/{id}', { params: { path: { id } } }));
      const [problem, mine, offers] = await Promise.all([
        data(api.GET('/problems/{id}', { params: { path: { id: call.problemId } } })),
        data(api.GET('/vendor/solutions')),
        data(api.GET('/calls/{id}/offers', { params: { path: { id } } })),
      ]);
      return { call, problem, solutions: mine.filter((s) => call.eligibleSolutionIds.includes(s.id)), offers };
    },
  });
  return (
    <Show query={context}>
      {({ call, problem, solutions, offers }) => (
        <>
          <p>
            <Link to={vendorPaths.calls}>← {titleOf(problem)}</Link>
          </p>
          <OfferEditor call={call} problem={problem} solutions={solutions} />
          {offers.length > 0 && <OwnOffers offers={offers} />}
        </>
      )}
    </Show>
  );
}

const titleOf = (problem: Problem) => `${problem.code} · ${problem.titleVi}`;

function OwnOffers({ offers }: { offers: components['schemas']['OfferView'][] }) {
  const { t } = useTranslation('vendor');
  return (
    <section aria-labelledby="own-offers">
      <h2 id="own-offers">{t('offer.own')}</h2>
      <ul data-testid="own-offers">
        {offers.map((o) => (
          <li key={o.id}>
            {formatDong(o.price)} · {t('offer.roundsCount', { count: o.rounds })} · {t(`offerStatus.${o.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OfferEditor({ call, problem, solutions }: { call: Call; problem: Problem; solutions: Solution[] }) {
  const { t, i18n } = useTranslation('vendor');
  const queries = useQueryClient();
  const [draft, setDraft] = useState<OfferDraft>({
    solutionId: solutions[0]?.id ?? '',
    price: '',
    durationDays: '90',
    rounds: '1',
    roundShares: [],
    deliveryShare: '',
    floor: '50',
    targets: Object.fromEntries(problem.kpis.map((k) => [k.code, { target: k.target, baseline: k.baseline ?? '' }])),
    acceptsPocElimination: true,
  });
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const terms = useSettled(termsOf(draft));
  const simulation = useQuery({
    queryKey: ['vendor', 'simulate', call.id, terms],
    queryFn: () =>
      data(
        api.POST('/calls/{id}/payout-simulation', {
          params: { path: { id: call.id }, query: { levels: LEVELS } },
          body: terms,
        }),
      ),
    enabled: /^\d+$/.test(terms.price) && terms.rounds >= 1,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const submit = useMutation({
    mutationFn: () =>
      data(
        api.POST('/calls/{id}/offers', {
          params: { path: { id: call.id } },
          body: {
            ...termsOf(draft),
            solutionId: draft.solutionId,
            durationDays: Number(draft.durationDays),
            acceptsPocElimination: draft.acceptsPocElimination,
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['vendor', 'offer-context', call.id] }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const error = submit.error ?? simulation.error;
  const text = (key: 'price' | 'durationDays' | 'rounds', name: string = key) => (
    <Field label={t(`offer.${key}`)} name={name} error={error} hint={t(`offer.hint.${key}`)}>
      {(props) => (
        <input {...props} inputMode="numeric" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  const percent = (key: 'deliveryShare' | 'floor', name: string) => (
    <Field label={t(`offer.${key}`)} name={name} error={error} hint={t(`offer.hint.${key}`)}>
      {(props) => (
        <input {...props} inputMode="decimal" value={draft[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  const rounds = Math.max(0, Math.min(24, Number(draft.rounds) || 0));
  return (
    <>
      <h1>{t('offer.title')}</h1>
      <p className="lead">
        {t('offer.lead', {
          envelope: formatDong(problem.budgetEnvelope),
          deadline: formatDateTime(call.deadline),
        })}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('offer.solution')} name="solutionId" error={error}>
          {(props) => (
            <select {...props} value={draft.solutionId} onChange={(e) => set('solutionId', e.target.value)}>
              {solutions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('offer.commitment')}</legend>
          {problem.kpis.map((k) => (
            <div key={k.code} className="filters">
              <Field
                label={t('offer.target', {
                  kpi: `${k.code} · ${i18n.language === 'en' ? k.nameEn : k.nameVi}`,
                  unit: k.unit,
                })}
                name="kpiCommitments"
                error={error}
                hint={t('offer.hint.target', { target: k.target, direction: t(`kpi.directions.${k.direction}`) })}
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={draft.targets[k.code].target}
                    onChange={(e) =>
                      set('targets', {
                        ...draft.targets,
                        [k.code]: { ...draft.targets[k.code], target: e.target.value },
                      })
                    }
                  />
                )}
              </Field>
              <Field
                label={t('offer.baseline', { kpi: k.code, unit: k.unit })}
                name="baseline"
                error={error}
                hint={
                  k.baseline ? t('offer.hint.baselineKnown', { baseline: k.baseline }) : t('offer.hint.baselineNeeded')
                }
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={draft.targets[k.code].baseline}
                    onChange={(e) =>
                      set('targets', {
                        ...draft.targets,
                        [k.code]: { ...draft.targets[k.code], baseline: e.target.value },
                      })
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          <div className="filters">
            {text('durationDays')}
            {text('price')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('offer.paymentModel')}</legend>
          <div className="filters">
            {text('rounds')}
            {percent('deliveryShare', 'deliveryShareBp')}
            {percent('floor', 'floorBp')}
          </div>
          <div className="filters">
            {Array.from({ length: rounds }, (_, r) => (
              <Field
                key={r}
                label={t('offer.roundShare', { n: r + 1 })}
                name="roundSharesBp"
                error={error}
                hint={t('offer.hint.roundShare')}
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={draft.roundShares[r] ?? ''}
                    onChange={(e) => set('roundShares', Object.assign([...draft.roundShares], { [r]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.acceptsPocElimination}
              onChange={(e) => set('acceptsPocElimination', e.target.checked)}
            />{' '}
            {t('offer.poc')}
          </label>
        </div>
        <section aria-labelledby="simulator" aria-live="polite">
          <h2 id="simulator">{t('simulator.title')}</h2>
          {simulation.data ? <PayoutChart levels={simulation.data} /> : <p className="muted">{t('simulator.empty')}</p>}
        </section>
        <FormFailure error={error} />
        {submit.isSuccess && (
          <p role="status" className="ok" data-testid="offer-submitted">
            {t('offer.submitted')}
          </p>
        )}
        <button type="submit" disabled={submit.isPending}>
          {t('offer.submit')}
        </button>
      </form>
    </>
  );
}
