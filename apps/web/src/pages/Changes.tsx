import { useTranslation } from 'react-i18next';
import { fetchChanges } from '../api/public';
import { Paged, usePaged } from '../components/Paged';
import { formatDateTime } from '../format';

/** The public change feed, oldest first, one page after another (the cursor never skips an event). */
export default function Changes() {
  const { t } = useTranslation();
  const feed = usePaged(['public', 'changes'], fetchChanges);
  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="lead">{t('changes.lead')}</p>
      <Paged query={feed}>
        {(items) => (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="changes">
              <thead>
                <tr>
                  <th scope="col">{t('changes.seq')}</th>
                  <th scope="col">{t('changes.at')}</th>
                  <th scope="col">{t('changes.entity')}</th>
                  <th scope="col">{t('changes.action')}</th>
                  <th scope="col">{t('changes.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.seq}>
                    <td>{c.seq}</td>
                    <td>{formatDateTime(c.occurred_at)}</td>
                    <td>
                      {c.entity_type} <code className="muted">{c.entity_id.slice(0, 8)}</code>
                    </td>
                    <td>{c.action}</td>
                    <td>
                      <code className="hash">{c.hash.slice(0, 16)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Paged>
    </>
  );
}
