import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { formatDateTime } from '../../format';
import { Paged, usePaged } from '../../components/Paged';

/** The organisation's inbox, newest first, for every signed-in role; a notice can be marked read. */
export default function Notifications() {
  const { t, i18n } = useTranslation('notifications');
  const queries = useQueryClient();
  const inbox = usePaged(['notifications'], (cursor) =>
    data(api.GET('/notifications', { params: { query: { cursor } } })),
  );
  const read = useMutation({
    mutationFn: (id: string) => data(api.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <>
      <h1>{t('title')}</h1>
      <Paged query={inbox}>
        {(items) => (
          <ul className="stack" data-testid="notifications">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'card' : 'card unread'}>
                <p className="muted">
                  {formatDateTime(n.createdAt)} · {n.readAt ? t('read') : <strong>{t('unread')}</strong>}
                </p>
                <p>{i18n.language === 'en' ? n.messageEn : n.messageVi}</p>
                {!n.readAt && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => read.mutate(n.id)}
                    disabled={read.isPending}
                  >
                    {t('markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Paged>
    </>
  );
}
