import { t, type MessageKey } from '@/lib/i18n/messages';
import { reportFileName, toCsv, toJson, toMarkdown } from '@/lib/report/export';
import type { Annotation } from '@/lib/types';
import { downloadText } from '../shared/download';

const FORMATS: readonly { ext: 'md' | 'csv' | 'json'; label: MessageKey; mime: string; render: (a: Annotation) => string }[] = [
  { ext: 'md', label: 'exportMarkdown', mime: 'text/markdown', render: toMarkdown },
  { ext: 'csv', label: 'exportCsv', mime: 'text/csv', render: toCsv },
  { ext: 'json', label: 'exportJson', mime: 'application/json', render: toJson },
];

/** Downloads the comparison; the files are built here, nothing leaves the computer. */
export function ExportButtons({ annotation, onStatus }: { annotation: Annotation; onStatus: (m: string) => void }) {
  return (
    <section aria-labelledby="export-heading" class="card">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div class="buttons">
        {FORMATS.map((f) => (
          <button
            key={f.ext}
            type="button"
            data-testid={`export-${f.ext}`}
            onClick={() => {
              const name = reportFileName(annotation, f.ext);
              downloadText(f.render(annotation), name, f.mime);
              onStatus(t('exportSaved', { name }));
            }}
          >
            {t(f.label)}
          </button>
        ))}
      </div>
    </section>
  );
}
