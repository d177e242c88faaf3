import { useId, useState, type DragEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface InputProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/**
 * A labelled input with its hint and, after a refused submission, the API's own words about that field (`name` is
 * the field's path in the request body) next to it.
 */
export function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: ReactNode;
  name: string;
  error?: unknown;
  hint?: ReactNode;
  children: (input: InputProps) => ReactElement;
}) {
  const id = useId();
  const problems = error instanceof ApiError ? error.problemsOf(name) : [];
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problems.length > 0, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-problem`} className="error" role="alert">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}

/** The refusal of a whole submission (the API's message, Vietnamese first), or nothing. */
export function FormFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="error" data-testid="form-failure">
      {error instanceof Error ? error.message : t('app.error')}
    </p>
  );
}

export interface HashedFile {
  file: File;
  /** Hex SHA-256 of the bytes, as the API keeps it; absent where the browser has no Web Crypto (plain http). */
  sha256?: string;
}

async function hashed(file: File): Promise<HashedFile> {
  if (!globalThis.crypto?.subtle) return { file };
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return {
    file,
    sha256: Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
  };
}

/** Files chosen by dropping them on the zone or through the (keyboard-reachable) file input, each with its SHA-256. */
export function FileDrop({
  label,
  accept,
  multiple = false,
  onFiles,
}: {
  label: ReactNode;
  accept?: string;
  multiple?: boolean;
  onFiles: (files: HashedFile[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const [chosen, setChosen] = useState<HashedFile[]>([]);

  const take = async (list: FileList | null) => {
    const files = await Promise.all(
      Array.from(list ?? [])
        .slice(0, multiple ? undefined : 1)
        .map(hashed),
    );
    setChosen(files);
    onFiles(files);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files);
  };

  return (
    <div
      className={over ? 'file-drop over' : 'file-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>{label}</label>
      <p className="hint">{t('files.dropHint')}</p>
      <input id={id} type="file" accept={accept} multiple={multiple} onChange={(e) => void take(e.target.files)} />
      {chosen.length > 0 && (
        <ul className="files">
          {chosen.map(({ file, sha256 }) => (
            <li key={file.name}>
              {file.name} — {t('files.size', { kb: Math.ceil(file.size / 1024) })}
              {sha256 && (
                <>
                  {' '}
                  — SHA-256 <code className="hash">{sha256}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
