import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { Show } from '../../components/Query';
import { TrustDetails } from '../VendorTrust';

/** The vendor's own trust score per scope, with the inputs behind the latest computation and its history. */
export default function Trust() {
  const { t } = useTranslation('vendor');
  const vendor = useQuery({ queryKey: ['vendor', 'trust'], queryFn: () => data(api.GET('/vendor/trust')) });
  const latestId = vendor.data?.current[0]?.snapshotId;
  const snapshot = useQuery({
    queryKey: ['vendor', 'trust-snapshot', latestId],
    queryFn: () => data(api.GET('/vendor/trust/snapshots/{id}', { params: { path: { id: latestId! } } })),
    enabled: !!latestId,
  });
  return (
    <>
      <h1>{t('trust.title')}</h1>
      <p className="lead">{t('trust.lead')}</p>
      <Show query={vendor}>
        {(v) => (v.current.length === 0 ? <p>{t('trust.none')}</p> : <TrustDetails vendor={v} snapshot={snapshot} />)}
      </Show>
    </>
  );
}
