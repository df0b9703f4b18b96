import { useState } from 'preact/hooks';
import type { ImportSet } from '@/lib/kb/schema';
import type { StorageUse } from '@/lib/kb/sets';
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

const ORIGIN: Record<ImportSet['origin'], string> = { imported: 'Imported', page: 'Pages you added', bundled: 'Bundled' };

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
      setStatus(`That did not work: ${e instanceof Error ? e.message : String(e)}`);
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
      setStatus(`Exported ${count} article${count === 1 ? '' : 's'} in ${data.sets.length} set${data.sets.length === 1 ? '' : 's'}.`);
    } catch (e) {
      setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="sets-heading" class="card">
      <h2 id="sets-heading">Your sets</h2>
      <p role="status" aria-live="polite" data-testid="sets-status">
        {status}
      </p>
      {error ? (
        <p class="field-error" role="alert" data-testid="sets-error">
          Could not read the knowledge base: {error}. Reload this page; if it keeps failing, reload the extension.
        </p>
      ) : sets === null ? (
        <p class="muted">Loading…</p>
      ) : sets.length === 0 ? (
        <p class="muted" data-testid="sets-empty">
          No sets yet. Imported files and pages you add from the side panel appear here.
        </p>
      ) : (
        // In a narrow window the table scrolls inside its own region (reachable by keyboard), not the whole page.
        <div class="table-scroll" role="region" aria-labelledby="sets-heading" tabIndex={0}>
          <table class="sets" data-testid="sets-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Articles</th>
                <th scope="col">Added</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
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
                          if (name) void act(async () => (await send({ type: 'rename-set', setId: s.id, name }), `Renamed to “${name}”.`));
                        }}
                      >
                        <label class="visually-hidden" for={`rename-${s.id}`}>
                          New name for {s.name}
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
                          Save
                        </button>
                        <button type="button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </form>
                    ) : (
                      <>
                        <span data-testid="set-name">{s.name}</span>
                        <span class="muted origin"> {ORIGIN[s.origin]}</span>
                      </>
                    )}
                  </th>
                  <td data-testid="set-count">{s.count}</td>
                  <td>{formatDate(s.created)}</td>
                  <td>{formatDate(s.updated)}</td>
                  <td class="actions">
                    {editing?.id === s.id && editing.mode === 'delete' ? (
                      <div role="group" aria-label={`Confirm deleting ${s.name}`} data-testid="delete-confirm">
                        <p>
                          Delete “{s.name}” and its {s.count} article{s.count === 1 ? '' : 's'}? This cannot be undone.
                        </p>
                        <button
                          type="button"
                          class="danger"
                          data-testid="delete-confirm-yes"
                          disabled={busy}
                          onClick={() => void act(async () => `Deleted “${s.name}” (${(await send({ type: 'delete-set', setId: s.id })).deleted} articles).`)}
                        >
                          Delete
                        </button>
                        <button type="button" data-testid="delete-confirm-no" autoFocus onClick={() => setEditing(null)}>
                          Keep
                        </button>
                      </div>
                    ) : (
                      <>
                        <button type="button" data-testid="rename-set" aria-label={`Rename ${s.name}`} onClick={() => setEditing({ id: s.id, mode: 'rename', name: s.name })}>
                          Rename
                        </button>
                        <button type="button" class="danger" data-testid="delete-set" aria-label={`Delete ${s.name}`} onClick={() => setEditing({ id: s.id, mode: 'delete' })}>
                          Delete
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
          Export everything I imported (JSON)
        </button>
      </div>
      <p class="muted" data-testid="storage-use">
        {storage
          ? `${storage.sources.toLocaleString('en-US')} articles and ${storage.claims.toLocaleString('en-US')} claims stored (bundled included) · ${formatBytes(storage.bytes)} used${storage.quota !== null ? ` of ${formatBytes(storage.quota)} available` : ''}`
          : 'Measuring storage…'}
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
