import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { FormFailure } from '../../components/Form';

/**
 * The job queues' board opens by navigation, which cannot carry the Bearer token: the authenticated POST first sets
 * a short-lived HttpOnly ticket cookie for the board's path, then the browser goes to the board (Back returns).
 */
export default function Queues() {
  const { t } = useTranslation('operator');
  const open = useMutation({
    mutationFn: () => data(api.POST('/ops/queues/session')),
    onSuccess: (ticket) => window.location.assign(ticket.path),
  });
  return (
    <>
      <h1>{t('queues.title')}</h1>
      <p className="lead">{t('queues.lead')}</p>
      <FormFailure error={open.error} />
      <button type="button" onClick={() => open.mutate()} disabled={open.isPending}>
        {t('queues.open')}
      </button>
    </>
  );
}
