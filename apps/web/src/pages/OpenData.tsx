import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblemTitles } from '../api/lookups';
import { fetchAll } from '../api/public';
import { Show } from '../components/Query';
import { formatDate } from '../format';

const LISTS = ['problems', 'calls', 'awards', 'orders', 'acceptance-results', 'payments', 'rankings', 'changes'];

/**
 * A process's OCDS identifier is the publisher's prefix, a dash and its call's id. The prefix is read from the first
 * package of the bulk export; the rest of the stream is not downloaded.
 */
async function ocidPrefix(): Promise<string | null> {
  const response = await fetch('/public/ocds/packages');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  const first = text.split('\n')[0];
  if (!first) return null;
  const ocid = (JSON.parse(first) as { releases: Array<{ ocid: string }> }).releases[0].ocid;
  return ocid.replace(/-[0-9a-f-]{36}$/, '');
}

/** OCDS 1.1.5 release packages to download, one per contracting process (a call), and the public lists. */
export default function OpenData() {
  const { t } = useTranslation();
  const problemTitle = useProblemTitles();
  const calls = useQuery({ queryKey: ['public', 'calls'], queryFn: () => fetchAll('/public/calls') });
  const prefix = useQuery({ queryKey: ['public', 'ocid-prefix'], queryFn: ocidPrefix });
  return (
    <>
      <h1>{t('openData.title')}</h1>
      <p className="lead">{t('openData.lead')}</p>
      <p>
        <a className="button" href="/public/ocds/packages" download="ocds-packages.ndjson">
          {t('openData.all')}
        </a>
      </p>
      <h2>{t('openData.perProcess')}</h2>
      <Show query={calls}>
        {(list) => (
          <ul className="stack" data-testid="ocds-packages">
            {list.map((c) => {
              const ocid = prefix.data ? `${prefix.data}-${c.id}` : undefined;
              return (
                <li key={c.id}>
                  {problemTitle(c.problem_id)} <span className="muted">({formatDate(c.opened_at)})</span>
                  {ocid && (
                    <>
                      {' · '}
                      <a href={`/public/ocds/packages/${ocid}`} download={`${ocid}.json`}>
                        {ocid}.json
                      </a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Show>
      <h2>{t('openData.lists')}</h2>
      <ul className="links">
        {LISTS.map((name) => (
          <li key={name}>
            <a href={`/public/${name}`}>/public/{name}</a>
          </li>
        ))}
        <li>
          <a href="/docs">{t('openData.api')}</a> · <a href="/openapi.json">openapi.json</a>
        </li>
      </ul>
    </>
  );
}
