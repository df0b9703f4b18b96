import { t } from '@/lib/i18n/messages';
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
      return t('actionRetry');
    case 'options':
      return t('actionOptions');
    default:
      return pause?.all ? t('actionResumeEverywhere') : host ? t('actionResumeOn', { site: host }) : t('actionResume');
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
