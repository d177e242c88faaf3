import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Facts } from '../../components/Facts';
import { formatDate, formatNumber } from '../../format';
import { ListingDecision } from './ListingDecision';
import { Paged, usePaged } from '../../components/Paged';
import { useOrganisations } from './organisations';

const STATUSES = ['LISTED', 'SUSPENDED', 'WAITING', 'EXPIRED', 'DELISTED'] as const;
type Status = (typeof STATUSES)[number];

/** Listings flagged for re-check by the trust ranking, and every listing by status with suspension and delisting. */
export default function Listings() {
  const { t } = useTranslation('operator');
  return (
    <>
      <h1>{t('listings.title')}</h1>
      <RecheckFlags />
      <Solutions />
    </>
  );
}

function RecheckFlags() {
  const { t } = useTranslation('operator');
  const { nameOf } = useOrganisations('VENDOR');
  const flags = usePaged(['recheck-flags'], (cursor) =>
    data(api.GET('/ranking/recheck-flags', { params: { query: { cursor } } })),
  );
  return (
    <section aria-labelledby="recheck-flags">
      <h2 id="recheck-flags">{t('listings.flags')}</h2>
      <p className="hint">{t('listings.flagsLead')}</p>
      <Paged query={flags} empty={t('listings.noFlags')}>
        {(list) => (
          <ul className="stack" data-testid="recheck-flags">
            {list.map((f) => (
              <li key={f.id} className="card">
                <h3>{nameOf(f.vendorOrganisationId)}</h3>
                <Facts
                  facts={[
                    [t('listings.lowerBound'), `${formatNumber(f.lowerBound, 3)} / ${formatNumber(f.floor, 2)}`],
                    [t('listings.evidence'), formatNumber(f.effectiveEvidence, 2)],
                    [t('listings.raisedAt'), formatDate(f.raisedAt)],
                    !!f.decision && [
                      t('listings.decision'),
                      `${t(`listings.decision${f.decision}`)} — ${f.decisionReason ?? ''}`,
                    ],
                  ]}
                />
                {!f.decision && (
                  <ListingDecision
                    title={t('listings.decide', { name: nameOf(f.vendorOrganisationId) })}
                    decisions={['KEEP', 'SUSPEND', 'DELIST']}
                    fields={{ until: 'suspendedUntil' }}
                    invalidate={['recheck-flags']}
                    send={(decision, reason, suspendedUntil) =>
                      data(
                        api.POST('/ranking/recheck-flags/{id}/decision', {
                          params: { path: { id: f.id } },
                          body: { decision, reason, suspendedUntil },
                        }),
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </section>
  );
}

function Solutions() {
  const { t } = useTranslation('operator');
  const [status, setStatus] = useState<Status>('LISTED');
  const [q, setQ] = useState('');
  const [acting, setActing] = useState<string>();
  const solutions = usePaged(['listings', status, q], (cursor) =>
    data(api.GET('/catalog/search', { params: { query: { status, q: q.trim() || undefined, cursor } } })),
  );
  return (
    <section aria-labelledby="solutions-by-status">
      <h2 id="solutions-by-status">{t('listings.solutions')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="listing-status">{t('listings.status')}</label>
          <select id="listing-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`listings.status${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="listing-q">{t('listings.search')}</label>
          <input id="listing-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      <Paged query={solutions} empty={t('listings.noSolutions')}>
        {(items) => (
          <ul className="stack" data-testid="listings">
            {items.map((s) => (
              <li key={s.id} className="card">
                <h3>{s.name}</h3>
                <p>
                  {s.vendorName} · {t(`listings.status${s.status}`, { defaultValue: s.status })}
                </p>
                {(s.status === 'LISTED' || s.status === 'SUSPENDED') && (
                  <>
                    <button
                      type="button"
                      aria-expanded={acting === s.id}
                      aria-label={t('listings.act', { name: s.name })}
                      onClick={() => setActing(acting === s.id ? undefined : s.id)}
                    >
                      {t('listings.actShort')}
                    </button>
                    {acting === s.id && (
                      <ListingDecision
                        title={t('listings.act', { name: s.name })}
                        decisions={['SUSPEND', 'DELIST']}
                        fields={{ until: 'until' }}
                        invalidate={['listings']}
                        send={(decision, reason, until) =>
                          decision === 'SUSPEND'
                            ? data(
                                api.POST('/solutions/{id}/suspend', {
                                  params: { path: { id: s.id } },
                                  body: { reason, until: until ?? '' },
                                }),
                              )
                            : data(
                                api.POST('/solutions/{id}/delist', {
                                  params: { path: { id: s.id } },
                                  body: { reason },
                                }),
                              )
                        }
                      />
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </section>
  );
}
