import type { ComponentChildren } from 'preact';
import { httpUrl } from '@/lib/report/url';

interface Props {
  url: string | null | undefined;
  children: ComponentChildren;
  class?: string;
  testId?: string;
}

/** A link only for http(s) URLs (page and import URLs are untrusted); anything else is plain text. */
export function SourceLink({ url, children, class: className, testId }: Props) {
  const href = httpUrl(url);
  if (!href) return <span class={className} data-testid={testId}>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" class={className} data-testid={testId}>
      {children}
    </a>
  );
}
