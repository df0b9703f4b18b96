import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportSet } from '@/lib/kb/schema';
import type { StorageUse } from '@/lib/kb/sets';
import { t } from '@/lib/i18n/messages';
import type { KbStatus } from '@/lib/messages';
import { kbStatusLine } from '../panel/model';
import { send } from '../shared/send';
import { ImportSection } from './ImportSection';
import { loadSets, SetsSection } from './SetsSection';

/** Options: import the user's article sets and manage them. Everything stays in this browser. */
export function Options() {
  const [sets, setSets] = useState<ImportSet[] | null>(null);
  const [storage, setStorage] = useState<StorageUse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kb, setKb] = useState<KbStatus | null>(null);

  const reload = useCallback(() => {
    void loadSets().then((r) => {
      if ('error' in r) return setError(r.error);
      setError(null);
      setSets(r.sets);
      setStorage(r.storage);
    });
    send({ type: 'kb-status' }).then(setKb, () => setKb(null));
  }, []);

  useEffect(reload, [reload]);

  return (
    <div class="options">
      <header>
        <h1>{t('extName')}</h1>
        <p class="muted" data-testid="kb-status">
          {kbStatusLine(kb)}
        </p>
      </header>
      <main>
        <ImportSection onImported={reload} />
        <SetsSection sets={sets} storage={storage} error={error} onChanged={reload} />
      </main>
    </div>
  );
}
