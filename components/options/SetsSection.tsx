import { useState } from 'preact/hooks';
import type { ImportSet } from '@/lib/kb/schema';
import type { StorageUse } from '@/lib/kb/sets';
import { t, tPlural, type MessageKey } from '@/lib/i18n/messages';
import { formatNumber } from '@/lib/i18n/intl';
import { formatDate } from '@/lib/report/format';
import { downloadText } from '../shared/download';
import { send } from '../shared/send';
import { formatBytes } from './model';

type Editing = { id: string; mode: 'rename'; name: string } | { id: string; mode: 'delete' } | null;

interface Props {
  sets: ImportSet[] | null;
  storage: StorageUse | null;
  error: string | null;
  onChanged: () => void;
}

const ORIGIN: Record<ImportSet['origin'], MessageKey> = { imported: 'setOriginImported', page: 'setOriginPage', bundled: 'setOriginBundled' };

/** "1,204 articles and 3,310 claims stored (bundled included) · 12.5 MB used of 2.1 GB available". */
function storageLine(storage: StorageUse): string {
  const stored = t('storageStored', { articles: tPlural('setsArticles', storage.sources), claims: tPlural('kbClaims', storage.claims) });
  const used = formatBytes(storage.bytes);
  return storage.quota !== null ? t('storageUsedOfQuota', { stored, used, quota: formatBytes(storage.quota) }) : t('storageUsed', { stored, used });
}

/** The user's sets: rename, delete (after an explicit confirmation), export all, storage used. */
export function SetsSection({ sets, storage, error, onChanged }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
      onChanged();
    } catch (e) {
      setStatus(t('setsActionFailed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
      setEditing(null);
    }
  };

  const exportAll = async () => {
    try {
      const data = await send({ type: 'export-user-data' });
      const count = data.sets.reduce((n, s) => n + s.articles.length, 0);
      downloadText(JSON.stringify(data, null, 2), `triangulate-my-sources-${data.exported.slice(0, 10)}.json`, 'application/json');
      setStatus(t('setsExported', { articles: tPlural('setsArticles', count), sets: tPlural('setsCount', data.sets.length) }));
    } catch (e) {
      setStatus(t('setsExportFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section aria-labelledby="sets-heading" class="card">
      <h2 id="sets-heading">{t('setsHeading')}</h2>
      <p role="status" aria-live="polite" data-testid="sets-status">
        {status}
      </p>
      {error ? (
        <p class="field-error" role="alert" data-testid="sets-error">
          {t('setsReadError', { error })}
        </p>
      ) : sets === null ? (
        <p class="muted">{t('loading')}</p>
      ) : sets.length === 0 ? (
        <p class="muted" data-testid="sets-empty">
          {t('setsEmpty')}
        </p>
      ) : (
        // In a narrow window the table scrolls inside its own region (reachable by keyboard), not the whole page.
        <div class="table-scroll" role="region" aria-labelledby="sets-heading" tabIndex={0}>
          <table class="sets" data-testid="sets-list">
            <thead>
              <tr>
                <th scope="col">{t('setsColumnName')}</th>
                <th scope="col">{t('setsColumnArticles')}</th>
                <th scope="col">{t('setsColumnAdded')}</th>
                <th scope="col">{t('setsColumnUpdated')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('setsColumnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id} data-testid="set-row" data-set-id={s.id}>
                  <th scope="row">
                    {editing?.id === s.id && editing.mode === 'rename' ? (
                      <form
                        class="inline"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const name = editing.name.trim();
                          if (name) void act(async () => (await send({ type: 'rename-set', setId: s.id, name }), t('setsRenamed', { name })));
                        }}
                      >
                        <label class="visually-hidden" for={`rename-${s.id}`}>
                          {t('setsNewNameFor', { name: s.name })}
                        </label>
                        <input
                          id={`rename-${s.id}`}
                          data-testid="rename-input"
                          value={editing.name}
                          autoFocus
                          onInput={(e) => setEditing({ ...editing, name: (e.currentTarget).value })}
                          onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                        />
                        <button type="submit" data-testid="rename-save" disabled={busy || !editing.name.trim()}>
                          {t('save')}
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          {t('cancel')}
                        </button>
                      </form>
                    ) : (
                      <>
                        <span data-testid="set-name">{s.name}</span>
                        <span class="muted origin"> {t(ORIGIN[s.origin])}</span>
                      </>
                    )}
                  </th>
                  <td data-testid="set-count">{formatNumber(s.count)}</td>
                  <td>{formatDate(s.created)}</td>
                  <td>{formatDate(s.updated)}</td>
                  <td class="actions">
                    {editing?.id === s.id && editing.mode === 'delete' ? (
                      <div role="group" aria-label={t('setsConfirmDeleteLabel', { name: s.name })} data-testid="delete-confirm">
                        <p>
                          {tPlural('setsConfirmDelete', s.count, { name: s.name })}
                        </p>
                        <button
                          type="button"
                          class="danger"
                          data-testid="delete-confirm-yes"
                          disabled={busy}
                          onClick={() => void act(async () => tPlural('setsDeleted', (await send({ type: 'delete-set', setId: s.id })).deleted, { name: s.name }))}
                        >
                          {t('setsDelete')}
                        </button>
                        <button type="button" data-testid="delete-confirm-no" autoFocus onClick={() => setEditing(null)}>
                          {t('setsKeep')}
                        </button>
                      </div>
                    ) : (
                      <>
                        <button type="button" data-testid="rename-set" aria-label={t('setsRenameLabel', { name: s.name })} onClick={() => setEditing({ id: s.id, mode: 'rename', name: s.name })}>
                          {t('setsRename')}
                        </button>
                        <button type="button" class="danger" data-testid="delete-set" aria-label={t('setsDeleteLabel', { name: s.name })} onClick={() => setEditing({ id: s.id, mode: 'delete' })}>
                          {t('setsDelete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="buttons">
        <button type="button" data-testid="export-user-data" disabled={!sets?.length} onClick={() => void exportAll()}>
          {t('setsExportAll')}
        </button>
      </div>
      <p class="muted" data-testid="storage-use">
        {storage ? storageLine(storage) : t('storageMeasuring')}
      </p>
    </section>
  );
}

/** Loads what the sets section shows, from the background; returns an error message instead of throwing. */
export async function loadSets(): Promise<{ sets: ImportSet[]; storage: StorageUse } | { error: string }> {
  try {
    return await send({ type: 'sets' });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
