import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProblemTitles } from '../../api/lookups';
import { useSession } from '../../auth/use-session';
import { Show } from '../../components/Query';
import { formatDate, formatShare } from '../../format';
import { OrderFacts } from './OrderFacts';
import { officerPaths } from './paths';
import { termsOf, useOrder, useRecords, useRounds, type RoundProgress } from './officer-api';
import { RecordCard } from './RecordCard';
import { UploadPanel } from './UploadPanel';

/** One order's acceptance work: its rounds and their data, the upload of measurements, its records to sign. */
export default function OrderPage() {
  const { t } = useTranslation('officer');
  const { orderId = '' } = useParams();
  const queryClient = useQueryClient();
  const current = useSession();
  const [waitingForRound, setWaitingForRound] = useState<number>();
  const order = useOrder(orderId);
  const rounds = useRounds(orderId);
  const records = useRecords(orderId, waitingForRound);
  const problemTitle = useProblemTitles();
  const canSign = current?.principal.roles.includes('ACCEPTANCE_OFFICER') ?? false;

  return (
    <>
      <p>
        <Link to={officerPaths.home}>← {t('order.back')}</Link>
      </p>
      <Show query={order}>
        {(o) => (
          <>
            <h1>
              {t('order.title')}: {problemTitle(termsOf(o).problemId)}
            </h1>
            <OrderFacts order={o} />
          </>
        )}
      </Show>
      <h2>{t('order.rounds')}</h2>
      <Show query={rounds}>
        {(list) => (
          <>
            <RoundTable rounds={list} />
            <UploadPanel
              orderId={orderId}
              rounds={list}
              onUploaded={(roundNo) => {
                setWaitingForRound(roundNo);
                void queryClient.invalidateQueries({ queryKey: ['officer'] });
              }}
            />
          </>
        )}
      </Show>
      <h2>{t('order.records')}</h2>
      <Show query={records}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('order.noRecords')}</p>
          ) : (
            <div className="stack">
              {[...list].reverse().map((record) => (
                <RecordCard key={record.id} record={record} canSign={canSign} />
              ))}
            </div>
          )
        }
      </Show>
    </>
  );
}

function RoundTable({ rounds }: { rounds: RoundProgress[] }) {
  const { t, i18n } = useTranslation('officer');
  return (
    <div className="table-scroll" tabIndex={0}>
      <table data-testid="rounds" className="wide">
        <thead>
          <tr>
            <th scope="col">{t('upload.round')}</th>
            <th scope="col">{t('order.window')}</th>
            <th scope="col">{t('order.share')}</th>
            <th scope="col">{t('order.progress')}</th>
            <th scope="col">{t('order.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.roundNo}>
              <th scope="row">{t('order.round', { round: r.roundNo })}</th>
              <td>
                {formatDate(r.startsAt)} – {formatDate(r.endsAt)}
              </td>
              <td>{formatShare(r.shareBp / 10_000)}</td>
              <td>{r.kpis.map((k) => `${k.key} ${k.points}/${k.requiredPoints}`).join(', ')}</td>
              <td>
                {r.recordStatus
                  ? t(`recordStatus.${r.recordStatus}`)
                  : i18n.language === 'en'
                    ? r.statusEn
                    : r.statusVi}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
