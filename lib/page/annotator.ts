/**
 * The in-page half of Triangulate, as three collaborators under one lifetime:
 * - the highlighter paints ranges (./highlighter.ts);
 * - the page watcher reports SPA navigations and new article text (./page-watcher.ts);
 * - the popover controller (injected: it is UI, in components/popover/controller.ts) opens cards
 *   on hover and keyboard focus.
 * `start()` gives them one AbortSignal; `stop()` aborts it, which removes every listener,
 * observer and timer they hold, then clears every highlight and the popover host.
 *
 * Painting is linear and chunked: the plan (./paint-plan.ts) is computed once per annotation,
 * mentions are painted most valuable first in slices of a few milliseconds that yield to the
 * page, and at most `cap` of them until the reader asks for all ("Show all" in the popup).
 * Claims' words get a neutral underline here; their verdict marks are the popover's to draw,
 * inside its closed shadow root (`PopoverPort.showClaims`).
 *
 * Nothing is written to the page for anyone to read: state is answered to the extension only
 * (`state()`, asked through the `page-state` tab message).
 */
import { collectArticleText, collectArticleTextInSteps, rangeForOffsets, type ArticleText } from '../extract/body';
import { readPageMetadata } from '../extract/metadata';
import type { CollectedArticle, PageMetadata, PageState } from '../messages';
import { limitsNotice, type LimitedAnnotation } from '../pipeline/limits';
import type { AnnotatedClaim, Mention } from '../types';
import { createHighlighter, type PaintedRange } from './highlighter';
import { watchPage } from './page-watcher';
import { HIGHLIGHT_CAP, planClaimMarks, planPaint, type PlannedMention } from './paint-plan';
import { SLICE_MS, yieldToPage } from './schedule';

/** The background refuses longer texts; the analysis reads only the first 200,000 characters anyway. */
const MAX_SENT_TEXT = 2_000_000;

export interface PaintedMention {
  mention: Mention;
  range: Range;
}

/** What the popover controller reads: the annotation and what is painted. */
export interface PageView {
  annotation: LimitedAnnotation;
  /** Painted mentions in document order. */
  ordered(): readonly PaintedMention[];
  /** Painted mentions whose range starts or ends in `node`. */
  at(node: Node): readonly PaintedMention[];
  /** Replaces the ranges carrying a transient style. */
  mark(style: 'focus' | 'flash', ranges: Range[]): void;
}

/** A claim's words on the page, for its verdict mark. */
export interface PaintedClaim {
  claim: AnnotatedClaim;
  range: Range;
}

export interface PopoverPort {
  focusEntity(entityId: string): boolean;
  /** Opens the next (1) or previous (-1) highlight's card with focus in it; false when none is painted. */
  moveFocus(step: 1 | -1): boolean;
  /** Draws the verdict marks of these claims (replacing any drawn before); [] removes them. */
  showClaims(claims: readonly PaintedClaim[]): void;
  close(): void;
}

export type PopoverFactory = (options: { doc: Document; signal: AbortSignal; view: () => PageView | null; gone: () => boolean }) => PopoverPort;

export interface AnnotatorDeps {
  doc: Document;
  /** Sends `annotate` to the background. */
  annotate: (article: CollectedArticle['article'], metadata: PageMetadata) => Promise<LimitedAnnotation>;
  popover: PopoverFactory;
  /** Highlights painted before "Show all". */
  cap?: number;
  /** The reader's choice to highlight pages that name no exercise (popup); read at each run. */
  offTopic?: () => boolean;
  /**
   * True once the extension is gone (disabled, reloaded, uninstalled). Checked at the top of
   * every callback; the annotator then stops itself.
   */
  gone?: () => boolean;
}

export function pageMetadata(doc: Document): PageMetadata {
  const meta = readPageMetadata(doc, doc.location?.href ?? null);
  return { title: meta.title, outlet: meta.outlet ?? '', published: meta.published, url: meta.url, language: meta.language };
}

function articleInput(metadata: PageMetadata, text: string): CollectedArticle['article'] {
  return {
    title: metadata.title,
    outlet: metadata.outlet,
    published: metadata.published,
    url: metadata.url,
    ...(metadata.language ? { language: metadata.language } : {}),
    text: text.length > MAX_SENT_TEXT ? text.slice(0, MAX_SENT_TEXT) : text,
  };
}

const isCancelled = (e: unknown) => e instanceof Error && /^Analysis cancelled/.test(e.message);

export function createAnnotator(deps: AnnotatorDeps) {
  const { doc } = deps;
  const win = doc.defaultView!;
  const highlighter = createHighlighter(doc);
  const baseCap = deps.cap ?? HIGHLIGHT_CAP;

  /** Everything one `start()` owns; `stop()` aborts `session`. */
  let session: AbortController | null = null;
  /** One annotation run (collect, annotate, paint); a new run or `stop()` aborts it. */
  let runController: AbortController | null = null;
  let popover: PopoverPort | null = null;
  let showAll = false;

  let article: ArticleText | null = null;
  let lastText = '';
  let annotation: LimitedAnnotation | null = null;
  let plan: PlannedMention[] = [];
  let claimRanges: PaintedClaim[] = [];
  let paintedUpTo = 0;
  let painted: PaintedMention[] = [];
  let ordered: PaintedMention[] | null = null;
  let byNode = new Map<Node, PaintedMention[]>();
  let status: PageState = idleState('paused');

  function idleState(state: PageState['state']): PageState {
    return { state, mentions: 0, painted: 0, skipped: 0, notice: null, error: null, startedAt: null, readyAt: null };
  }

  function setStatus(patch: Partial<PageState>): void {
    status = { ...status, ...patch, painted: painted.length, skipped: Math.max(0, plan.length - paintedUpTo) };
  }

  const gone = (): boolean => {
    if (!deps.gone?.()) return false;
    stop();
    return true;
  };

  const view: PageView = {
    get annotation() {
      return annotation!;
    },
    ordered() {
      ordered ??= [...painted].sort((a, b) => a.mention.start - b.mention.start);
      return ordered;
    },
    at: (node) => byNode.get(node) ?? [],
    mark: (style, ranges) => highlighter.mark(style, ranges),
  };

  function clearPaint(): void {
    highlighter.clear();
    popover?.showClaims([]);
    claimRanges = [];
    painted = [];
    ordered = null;
    byNode = new Map();
    paintedUpTo = 0;
  }

  function remember(p: PaintedMention): void {
    painted.push(p);
    for (const node of new Set([p.range.startContainer, p.range.endContainer])) {
      const list = byNode.get(node);
      if (list) list.push(p);
      else byNode.set(node, [p]);
    }
  }

  function rangeOf(m: Mention): Range | null {
    const points = article && rangeForOffsets(article, m.start, m.end);
    if (!points) return null;
    const range = doc.createRange();
    range.setStart(points.startNode, points.startOffset);
    range.setEnd(points.endNode, points.endOffset);
    return range;
  }

  /**
   * Paints `plan[paintedUpTo, to)` in slices of SLICE_MS, yielding to the page between slices.
   * Returns false if the run was aborted on the way.
   */
  async function paintUpTo(to: number, signal: AbortSignal): Promise<boolean> {
    // The fallback highlighter splits text nodes as it wraps them: take every range first, while
    // the article's node map still holds (live ranges then follow the splits).
    const early = highlighter.native ? null : plan.slice(paintedUpTo, to).map((p) => rangeOf(p.mention));
    const from = paintedUpTo;
    while (paintedUpTo < to) {
      const deadline = performance.now() + SLICE_MS;
      const batch: PaintedRange[] = [];
      do {
        const p = plan[paintedUpTo]!;
        const range = early ? early[paintedUpTo - from]! : rangeOf(p.mention);
        paintedUpTo++;
        if (!range) continue;
        remember({ mention: p.mention, range });
        batch.push({ key: p.index, range, styles: ['entity'] });
      } while (paintedUpTo < to && ((paintedUpTo & 15) !== 0 || performance.now() < deadline));
      highlighter.add(batch);
      ordered = null;
      setStatus({});
      if (paintedUpTo < to && !(await yieldToPage(win, signal))) return false;
    }
    return !signal.aborted;
  }

  /**
   * One annotation run: collect the article (in steps that yield to the page) unless the caller
   * just did, annotate, paint.
   */
  async function run(collected?: ArticleText): Promise<void> {
    if (!session) return;
    runController?.abort();
    const controller = new AbortController();
    runController = controller;
    const { signal } = controller;
    session.signal.addEventListener('abort', () => controller.abort(), { once: true, signal });
    setStatus({ state: 'working', startedAt: status.startedAt ?? performance.now(), readyAt: null, error: null });
    const fresh = collected ?? (await collectArticleTextInSteps(doc, () => yieldToPage(win, signal)));
    if (!fresh || signal.aborted) return;
    article = fresh;
    lastText = article.text;
    if (!article.text.trim()) {
      annotation = null;
      plan = [];
      clearPaint();
      setStatus({ state: 'no-article', mentions: 0, notice: null, readyAt: performance.now() });
      return;
    }
    const metadata = pageMetadata(doc);
    const input = articleInput(metadata, article.text);
    let result: LimitedAnnotation;
    try {
      result = await deps.annotate(input, metadata);
    } catch (e) {
      if (signal.aborted) return;
      // Cancelled by the background while this run is still current (the tab's address changed
      // under it): ask once more.
      if (!isCancelled(e)) throw e;
      result = await deps.annotate(input, metadata);
    }
    if (signal.aborted) return;
    popover?.close();
    clearPaint();
    annotation = result;
    setStatus({ mentions: result.mentions.length, notice: result.limits ? limitsNotice(result.limits) : null });
    if (!(await paint(signal))) return;
    setStatus({ state: 'ready', readyAt: performance.now() });
    if (recheck) void checkContent();
  }

  /** Plans and paints the current annotation: claims' words, then mentions up to the cap (or all). */
  async function paint(signal: AbortSignal): Promise<boolean> {
    const options = { offTopic: deps.offTopic?.() ?? false };
    plan = planPaint(annotation!, options);
    // Taken before any mention is wrapped (the fallback highlighter splits text nodes; live ranges follow).
    claimRanges = planClaimMarks(annotation!, options).flatMap((p) => {
      const range = rangeOf({ start: p.start, end: p.end } as Mention);
      return range ? [{ claim: p.claim, range }] : [];
    });
    // "Show all" may be asked while the first chunks are painted: the target is read again after each pass.
    for (let target = targetCount(); paintedUpTo < target; target = targetCount()) if (!(await paintUpTo(target, signal))) return false;
    highlighter.add(claimRanges.map((c, i) => ({ key: -1 - i, range: c.range, styles: ['claim'] })));
    popover?.showClaims(claimRanges);
    return true;
  }

  /** New text appeared somewhere: collect again (in steps) and re-annotate only if the article changed. */
  let recheck = false;
  async function checkContent(): Promise<void> {
    recheck = false;
    if (!session) return;
    if (status.state === 'starting' || status.state === 'working') {
      // The run under way may have collected before the change: look again when it is done.
      recheck = true;
      return;
    }
    const { signal } = session;
    const fresh = await collectArticleTextInSteps(doc, () => yieldToPage(win, signal));
    if (fresh && !signal.aborted && fresh.text !== lastText) runSafely(fresh);
  }

  const targetCount = () => (showAll ? plan.length : Math.min(baseCap, plan.length));

  function runSafely(collected?: ArticleText): void {
    void run(collected).catch((e: unknown) => {
      if (runController?.signal.aborted || !session) return;
      setStatus({ state: 'error', error: e instanceof Error ? e.message : String(e), readyAt: performance.now() });
    });
  }

  function stop(): void {
    if (!session) return;
    const s = session;
    session = null;
    runController?.abort();
    runController = null;
    s.abort();
    popover = null;
    clearPaint();
    annotation = null;
    article = null;
    plan = [];
    lastText = '';
    recheck = false;
    status = idleState('paused');
  }

  return {
    start(): void {
      if (session) return;
      session = new AbortController();
      const { signal } = session;
      status = idleState('starting');
      popover = deps.popover({ doc, signal, view: () => (annotation && session ? view : null), gone });
      watchPage({
        doc,
        signal,
        gone,
        articleRoot: () => article?.root ?? null,
        onNavigate: () => {
          showAll = false;
          runSafely();
        },
        onContent: () => void checkContent(),
      });
      runSafely();
    },
    stop,
    /** What the popup shows; also how tests and benchmarks see the page, from the extension side. */
    state(): PageState {
      return { ...status };
    },
    /** Paints the mentions the cap left out. */
    async showAll(): Promise<PageState> {
      showAll = true;
      const signal = runController?.signal;
      if (signal && !signal.aborted && annotation && paintedUpTo < plan.length && status.state === 'ready') {
        setStatus({ state: 'working' });
        if (await paintUpTo(plan.length, signal)) setStatus({ state: 'ready', readyAt: performance.now() });
      }
      return { ...status };
    },
    collected(paused: boolean): CollectedArticle {
      const text = article?.text ?? collectArticleText(doc).text;
      const metadata = pageMetadata(doc);
      return { article: articleInput(metadata, text), metadata, paused };
    },
    /** The reader changed "highlight pages without an exercise": paint the current annotation again. */
    async repaint(): Promise<PageState> {
      const signal = runController?.signal;
      if (!signal || signal.aborted || !annotation || status.state !== 'ready') return { ...status };
      popover?.close();
      clearPaint();
      setStatus({ state: 'working' });
      if (await paint(signal)) setStatus({ state: 'ready', readyAt: performance.now() });
      return { ...status };
    },
    moveFocus(step: 1 | -1): boolean {
      return popover?.moveFocus(step) ?? false;
    },
    reveal(start: number, end: number): boolean {
      if (!article || !session) return false;
      const range = rangeOf({ start, end } as Mention);
      if (!range) return false;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      highlighter.mark('flash', [range]);
      const timer = win.setTimeout(() => highlighter.mark('flash', []), 1600);
      session.signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
      return true;
    },
    focusEntity(entityId: string): boolean {
      return popover?.focusEntity(entityId) ?? false;
    },
  };
}

export type Annotator = ReturnType<typeof createAnnotator>;
