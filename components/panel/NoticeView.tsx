import type { PauseState } from '../shared/pause';
import type { Notice } from './model';

interface Props {
  notice: Notice;
  onAction: (action: NonNullable<Notice['action']>) => void;
  pause: PauseState | null;
  host: string | null;
}

function actionLabel(notice: Notice, pause: PauseState | null, host: string | null): string {
  switch (notice.action) {
    case 'retry':
      return 'Try again';
    case 'options':
      return 'Open Options to import articles';
    default:
      return pause?.all ? 'Resume everywhere' : host ? `Resume on ${host}` : 'Resume';
  }
}

/** What happened and what to do, in place of the comparison. */
export function NoticeView({ notice, onAction, pause, host }: Props) {
  return (
    <section
      class={`notice${notice.error ? ' error' : ''}`}
      data-testid="panel-notice"
      data-notice={notice.kind}
      role={notice.error ? 'alert' : undefined}
      aria-busy={notice.kind === 'loading' ? 'true' : undefined}
    >
      <h2>{notice.title}</h2>
      {notice.body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {notice.action && (
        <button type="button" class="primary" data-testid="notice-action" onClick={() => onAction(notice.action!)}>
          {actionLabel(notice, pause, host)}
        </button>
      )}
    </section>
  );
}
