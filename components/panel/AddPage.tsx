import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import type { PageMetadata } from '@/lib/messages';
import type { SourceSummary } from '@/lib/types';
import { send } from '../shared/send';
import { formFromMetadata, metadataFromForm, type MetadataForm } from './model';

interface Props {
  tabId: number;
  metadata: PageMetadata;
  /** The KB changed: reload the comparison without losing this form's state. */
  onChanged: () => void;
  onStatus: (message: string) => void;
  /** Copies of this page already in the knowledge base (added, imported or bundled). */
  stored?: readonly SourceSummary[];
}

/** Where a stored copy of the page came from, in words. */
const STORED_AS: Record<SourceSummary['origin'], MessageKey> = {
  page: 'storedPage',
  imported: 'storedImported',
  bundled: 'storedBundled',
};

/** Where the stored copy came from, and what that means for the comparison. */
const storedLine = (origin: SourceSummary['origin']) => `${t(STORED_AS[origin])} ${t('storedCompared')}`;

type Phase = { step: 'edit' } | { step: 'saving' } | { step: 'added'; sourceId: string } | { step: 'removed' };

const FIELDS: { key: keyof MetadataForm; label: MessageKey; hint?: MessageKey; type?: string }[] = [
  { key: 'title', label: 'fieldTitle' },
  { key: 'outlet', label: 'fieldOutlet' },
  { key: 'published', label: 'fieldPublished', hint: 'fieldPublishedHint' },
  { key: 'url', label: 'fieldAddress', type: 'url' },
  { key: 'language', label: 'fieldLanguage', hint: 'fieldLanguageHint' },
];

/** "Add this page": stores the article among the user's sources, with an Undo. */
export function AddPage({ tabId, metadata, onChanged, onStatus, stored = [] }: Props) {
  const [form, setForm] = useState<MetadataForm>(() => formFromMetadata(metadata));
  const [errors, setErrors] = useState<Partial<Record<keyof MetadataForm, string>>>({});
  const [phase, setPhase] = useState<Phase>({ step: 'edit' });
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    const checked = metadataFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      onStatus(t('addNeedsFixing'));
      return;
    }
    setErrors({});
    setFailure(null);
    setPhase({ step: 'saving' });
    try {
      const { sourceId } = await send({ type: 'add-page', tabId, metadata: checked.metadata });
      setPhase({ step: 'added', sourceId });
      onStatus(t('addAdded'));
      onChanged();
    } catch (err) {
      setPhase({ step: 'edit' });
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  const undo = async () => {
    if (phase.step === 'added') await remove(phase.sourceId);
  };

  const remove = async (sourceId: string) => {
    try {
      await send({ type: 'remove-source', sourceId });
      setPhase({ step: 'removed' });
      onStatus(t('addRemovedStatus'));
      onChanged();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  // Stored by the user (added or imported) and not just added in this panel: say so and offer to remove it.
  const own = phase.step === 'edit' ? stored.find((s) => s.origin === 'page' || s.origin === 'imported') : undefined;
  const bundled = stored.find((s) => s.origin === 'bundled');

  return (
    <section aria-labelledby="add-heading" class="card" data-testid="add-page">
      <h2 id="add-heading">{own || bundled ? t('addStoredHeading') : t('addHeading')}</h2>
      {own ? (
        <div class="add-done" data-testid="add-page-stored">
          <p>{storedLine(own.origin)}</p>
          <button type="button" data-testid="add-page-remove" onClick={() => void remove(own.id)}>
            {t('addRemove')}
          </button>
          {failure && (
            <p class="field-error" role="alert" data-testid="add-page-error">
              {t('addRemoveFailed', { error: failure })}
            </p>
          )}
        </div>
      ) : bundled && phase.step === 'edit' ? (
        <p data-testid="add-page-stored">{storedLine('bundled')}</p>
      ) : phase.step === 'added' ? (
        <div class="add-done" data-testid="add-page-done">
          <p>{t('addDone')}</p>
          <button type="button" data-testid="add-page-undo" onClick={() => void undo()}>
            {t('addUndo')}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          {phase.step === 'removed' && <p data-testid="add-page-removed">{t('addRemoved')}</p>}
          <p class="muted">{t('addCheck')}</p>
          {FIELDS.map((f) => {
            const id = `add-${f.key}`;
            const error = errors[f.key];
            return (
              <div key={f.key} class="field">
                <label for={id}>
                  {t(f.label)}
                  {f.hint && <span class="muted"> ({t(f.hint)})</span>}
                </label>
                <input
                  id={id}
                  name={f.key}
                  type={f.type ?? 'text'}
                  data-testid={`add-page-${f.key}`}
                  value={form[f.key]}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onInput={(e) => setForm({ ...form, [f.key]: (e.currentTarget).value })}
                />
                {error && (
                  <p id={`${id}-error`} class="field-error">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          {failure && (
            <p class="field-error" role="alert" data-testid="add-page-error">
              {t('addFailed', { error: failure })}
            </p>
          )}
          <button type="submit" class="primary" data-testid="add-page-save" disabled={phase.step === 'saving'}>
            {phase.step === 'saving' ? t('addSaving') : t('addSave')}
          </button>
        </form>
      )}
    </section>
  );
}
