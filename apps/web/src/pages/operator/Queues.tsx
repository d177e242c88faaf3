import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { FormFailure } from '../../components/Form';

const BOARD = '/ops/queues';

/**
 * The job queues' board opens by navigation, which cannot carry the Bearer token: the authenticated POST first sets
 * a short-lived HttpOnly ticket cookie for the board's path, then the board opens in a new tab.
 */
export default function Queues() {
  const { t } = useTranslation('operator');
  const open = useMutation({
    mutationFn: () => data(api.POST('/ops/queues/session')),
    onSuccess: () => window.open(BOARD, '_blank', 'noopener'),
  });
  return (
    <>
      <h1>{t('queues.title')}</h1>
      <p className="lead">{t('queues.lead')}</p>
      <FormFailure error={open.error} />
      {open.isSuccess && (
        <p role="status" className="notice">
          {t('queues.opened')} <a href={BOARD}>{BOARD}</a>
        </p>
      )}
      <button type="button" onClick={() => open.mutate()} disabled={open.isPending}>
        {t('queues.open')}
      </button>
    </>
  );
}
