import { useState } from 'preact/hooks';
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
const STORED_AS: Record<SourceSummary['origin'], string> = {
  page: 'You added this page to your sources.',
  imported: 'This page is in one of your imported sets.',
  bundled: 'This page is in the bundled dataset.',
};

type Phase = { step: 'edit' } | { step: 'saving' } | { step: 'added'; sourceId: string } | { step: 'removed' };

const FIELDS: { key: keyof MetadataForm; label: string; hint?: string; type?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'published', label: 'Published', hint: 'YYYY-MM-DD' },
  { key: 'url', label: 'Address', type: 'url' },
  { key: 'language', label: 'Language', hint: 'en, fr, ru…' },
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
      onStatus('Some fields need fixing before the page can be added.');
      return;
    }
    setErrors({});
    setFailure(null);
    setPhase({ step: 'saving' });
    try {
      const { sourceId } = await send({ type: 'add-page', tabId, metadata: checked.metadata });
      setPhase({ step: 'added', sourceId });
      onStatus('Page added to your sources.');
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
      onStatus('Page removed from your sources.');
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
      <h2 id="add-heading">{own || bundled ? 'This page is stored' : 'Add this page'}</h2>
      {own ? (
        <div class="add-done" data-testid="add-page-stored">
          <p>{STORED_AS[own.origin]} Other pages are compared with it; it is never counted as support for itself.</p>
          <button type="button" data-testid="add-page-remove" onClick={() => void remove(own.id)}>
            Remove from my sources
          </button>
          {failure && (
            <p class="field-error" role="alert" data-testid="add-page-error">
              Could not remove the page: {failure}
            </p>
          )}
        </div>
      ) : bundled && phase.step === 'edit' ? (
        <p data-testid="add-page-stored">{STORED_AS.bundled} Other pages are compared with it; it is never counted as support for itself.</p>
      ) : phase.step === 'added' ? (
        <div class="add-done" data-testid="add-page-done">
          <p>Added to your sources. Other pages will now be compared with it.</p>
          <button type="button" data-testid="add-page-undo" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          {phase.step === 'removed' && <p data-testid="add-page-removed">Removed. You can add it again.</p>}
          <p class="muted">Check what Triangulate read from the page; these fields are how the page will be cited.</p>
          {FIELDS.map((f) => {
            const id = `add-${f.key}`;
            const error = errors[f.key];
            return (
              <div key={f.key} class="field">
                <label for={id}>
                  {f.label}
                  {f.hint && <span class="muted"> ({f.hint})</span>}
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
              Could not add the page: {failure}
            </p>
          )}
          <button type="submit" class="primary" data-testid="add-page-save" disabled={phase.step === 'saving'}>
            {phase.step === 'saving' ? 'Saving…' : 'Save to my sources'}
          </button>
        </form>
      )}
    </section>
  );
}
