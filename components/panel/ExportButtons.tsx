import { reportFileName, toCsv, toJson, toMarkdown } from '@/lib/report/export';
import type { Annotation } from '@/lib/types';
import { downloadText } from '../shared/download';

const FORMATS = [
  { ext: 'md', label: 'Markdown report', mime: 'text/markdown', render: toMarkdown },
  { ext: 'csv', label: 'CSV', mime: 'text/csv', render: toCsv },
  { ext: 'json', label: 'JSON', mime: 'application/json', render: toJson },
] as const;

/** Downloads the comparison; the files are built here, nothing leaves the computer. */
export function ExportButtons({ annotation, onStatus }: { annotation: Annotation; onStatus: (m: string) => void }) {
  return (
    <section aria-labelledby="export-heading" class="card">
      <h2 id="export-heading">Export</h2>
      <div class="buttons">
        {FORMATS.map((f) => (
          <button
            key={f.ext}
            type="button"
            data-testid={`export-${f.ext}`}
            onClick={() => {
              const name = reportFileName(annotation, f.ext);
              downloadText(f.render(annotation), name, f.mime);
              onStatus(`Saved ${name}.`);
            }}
          >
            {f.label}
          </button>
        ))}
      </div>
    </section>
  );
}
