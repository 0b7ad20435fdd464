/**
 * Rendering a digest: what `gatherDigest` (or, for a subscription's first digest, `gatherBriefing`) read, as
 * Discord message payloads that always fit Discord's limits. Pure, beside the commands' renderers, and rendered once per content however many subscriptions share
 * it.
 */
import {
  embedLength,
  roleMention,
  time,
  TimestampStyles,
  type APIAllowedMentions,
  type APIEmbed,
} from 'discord.js';
import type { Briefing, DigestContent, FigureChange } from '../digest/compose.ts';
import type { ArticleHeader, StoredFigure, StoredQuote, StoredTimelineEvent } from '../store/index.ts';
import { COLOR } from './embeds.ts';
import { figureLine } from './figures.ts';
import { LIMITS } from './limits.ts';
import { counted } from './count.ts';
import { articleLink, escapeText, formatDate, truncate } from './text.ts';

/** One message of a digest, in the shape `POST /channels/{id}/messages` takes (the nonce is added on delivery). */
export interface DigestMessage {
  content?: string;
  embeds: APIEmbed[];
  allowed_mentions: APIAllowedMentions;
}

/** How a subscription wants its digest. */
export interface DigestOptions {
  mentionRoleId: string | null;
  quiet: boolean;
}

/** A rendered digest: empty when nothing is new (then `messages` is empty too if the subscription is quiet). */
export interface ComposedDigest {
  empty: boolean;
  /** Whether this is the subscription's briefing (its first digest: the story as it stands). */
  briefing: boolean;
  /** Where the subscription's "new since" moves once this digest is delivered (`DigestContent.countedUntil`). */
  until: string;
  counts: { articles: number; quotes: number; figures: number; timeline: number };
  messages: DigestMessage[];
}

/** At most this many messages per digest: a flood of news is trimmed with a note, never rejected or spammed. */
export const MAX_MESSAGES = 3;

/** A single line of a digest never takes more than this. */
const MAX_LINE = 900;

function sourceOf(item: { articleSource: string | null; publishedAt: string | null }): string {
  const parts = [
    item.articleSource && escapeText(item.articleSource),
    item.publishedAt && formatDate(item.publishedAt),
  ];
  return parts.filter(Boolean).join(', ');
}

const line = (text: string) => truncate(text, MAX_LINE);

function articleLine(article: ArticleHeader): string {
  const meta = [article.source && escapeText(article.source), formatDate(article.publishedAt)].filter(
    Boolean,
  );
  const note = article.revision > 0 && article.revisionNote ? ` — ${escapeText(article.revisionNote)}` : '';
  return line(`• ${articleLink(article.title, article.url)} — ${meta.join(', ')}${note}`);
}

/**
 * An article a feed revised after an earlier digest reported it: shown under "Updated articles" with what
 * changed, never as a second "new" entry.
 */
function isUpdate(article: ArticleHeader, since: string): boolean {
  return article.revision > 0 && article.ingestedAt <= since;
}

/** `• Remaining: about 1,000 → **about 1,500** Russian personnel in Syria — per Viktor Ozerov ([…](…))`. */
function figureChangeLine({ figure, previous }: FigureChange): string {
  const from = articleLink(figure.articleTitle, figure.articleUrl, 120);
  return line(`• ${figureLine(figure, { state: true, previous })} (${from})`);
}

function quoteLine(quote: StoredQuote): string {
  const speaker = [quote.speaker, quote.role]
    .filter(Boolean)
    .map((p) => escapeText(String(p)))
    .join(', ');
  const text = truncate(escapeText(quote.text), 400);
  const said = quote.kind === 'direct' ? `“${text}”` : `(reported) ${text}`;
  return line(`• ${said} — ${speaker || 'unattributed'}${sourceOf(quote) ? ` · ${sourceOf(quote)}` : ''}`);
}

function timelineLine(event: StoredTimelineEvent): string {
  const date = `${formatDate(event.date, event.precision)}${event.approximate ? ' (approx.)' : ''}`;
  return line(`• **${date}** ${escapeText(event.text)}`);
}

/** Packs lines into embeds of one section, each description within its limit. */
function sectionEmbeds(title: string, lines: string[]): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    if (current.length === 0) return;
    embeds.push({
      title: embeds.length === 0 ? title : `${title} (continued)`,
      description: current.join('\n'),
      color: COLOR,
    });
    current = [];
    size = 0;
  };
  for (const text of lines) {
    if (size + text.length + 1 > LIMITS.description) flush();
    current.push(text);
    size += text.length + 1;
  }
  flush();
  return embeds;
}

/**
 * Renders digest content as messages within Discord's limits: sections become embeds (descriptions within
 * 4096), embeds are packed into messages (at most 10 and 6000 characters each), and past {@link MAX_MESSAGES}
 * the rest is dropped with a note saying how much. Only the configured role is pinged, and only once.
 */
export function renderDigest(content: DigestContent, options: DigestOptions): ComposedDigest {
  const { empty, counts, groups } = renderGroups(content);
  const until = content.countedUntil;
  const briefing = content.briefing !== undefined;
  if (empty && options.quiet) return { empty, briefing, until, counts, messages: [] };
  const role = options.mentionRoleId;
  return {
    empty,
    briefing,
    until,
    counts,
    messages: groups.map((group, index) =>
      index === 0 && role
        ? { content: roleMention(role), embeds: group, allowed_mentions: { parse: [], roles: [role] } }
        : { embeds: group, allowed_mentions: { parse: [] } },
    ),
  };
}

/** The embeds of a content, rendered once however many subscriptions share it (they are never mutated). */
const rendered = new WeakMap<
  DigestContent,
  { empty: boolean; counts: ComposedDigest['counts']; groups: APIEmbed[][] }
>();

function renderGroups(content: DigestContent): {
  empty: boolean;
  counts: ComposedDigest['counts'];
  groups: APIEmbed[][];
} {
  const cached = rendered.get(content);
  if (cached) return cached;
  const result = renderGroupsUncached(content);
  rendered.set(content, result);
  return result;
}

/**
 * The embeds of a briefing: a header saying it is one, the lead of the newest article, the latest figure of each
 * state, key quotes and the newest timeline entries.
 */
function briefingEmbeds(
  content: DigestContent,
  briefing: Briefing,
): {
  empty: boolean;
  counts: ComposedDigest['counts'];
  embeds: APIEmbed[];
} {
  const { article } = briefing;
  const counts = {
    articles: article ? 1 : 0,
    quotes: briefing.quotes.length,
    figures: briefing.figures.length,
    timeline: briefing.timeline.length,
  };
  const from = counted(briefing.articleCount, 'article', 'articles', briefing.articleCountCapped);
  const header: APIEmbed = {
    title: truncate(`Briefing: ${truncate(content.story.title, 200)}`, LIMITS.title),
    description: article
      ? `This first digest is a briefing: the story as it stands, from ${from}. The next digests carry what is new since.`
      : 'This first digest is a briefing, but nothing has been reported on this story yet.',
    color: COLOR,
    timestamp: content.window.until,
  };
  if (!article) return { empty: true, counts, embeds: [header] };
  const lead: APIEmbed = {
    title: 'Where it stands',
    description: truncate(
      `${articleLine(article)}\n${truncate(escapeText(briefing.lead.replace(/\s+/g, ' ')), 1500)}`,
      LIMITS.description,
    ),
    color: COLOR,
  };
  const figureWithSource = (figure: StoredFigure) =>
    line(
      `• ${figureLine(figure, { state: true })} (${articleLink(figure.articleTitle, figure.articleUrl, 120)}, ${formatDate(figure.publishedAt)})`,
    );
  return {
    empty: false,
    counts,
    embeds: [
      header,
      lead,
      ...sectionEmbeds('Latest figures', briefing.figures.map(figureWithSource)),
      ...sectionEmbeds('Key quotes', briefing.quotes.map(quoteLine)),
      ...sectionEmbeds('Latest on the timeline', briefing.timeline.map(timelineLine)),
    ],
  };
}

/** The embeds of what is new: a header counting it, then new and updated articles, figures, quotes, timeline. */
function newsEmbeds(content: DigestContent): {
  empty: boolean;
  counts: ComposedDigest['counts'];
  embeds: APIEmbed[];
} {
  const counts = {
    articles: content.articles.length,
    quotes: content.quotes.length,
    figures: content.figures.length,
    timeline: content.timeline.length,
  };
  const empty = counts.articles + counts.quotes + counts.figures + counts.timeline === 0;

  const storyTitle = truncate(content.story.title, 200);
  const since = time(new Date(content.window.since), TimestampStyles.ShortDateTime);
  const header: APIEmbed = {
    title: truncate(`Digest: ${storyTitle}`, LIMITS.title),
    description: empty
      ? `Nothing new since ${since}.`
      : `What is new since ${since}: ${[
          counted(counts.articles, 'article'),
          counted(counts.figures, 'figure'),
          counted(counts.quotes, 'quote'),
          counted(counts.timeline, 'timeline entry', 'timeline entries'),
        ].join(', ')}.${
          content.more > 0
            ? ` ${counted(content.more, 'more new article', 'more new articles')} will open the next digest.`
            : ''
        }`,
    color: COLOR,
    timestamp: content.window.until,
  };
  const embeds: APIEmbed[] = [
    header,
    ...sectionEmbeds(
      'New articles',
      content.articles.filter((a) => !isUpdate(a, content.window.since)).map(articleLine),
    ),
    ...sectionEmbeds(
      'Updated articles',
      content.articles.filter((a) => isUpdate(a, content.window.since)).map(articleLine),
    ),
    ...sectionEmbeds('Figures', content.figures.map(figureChangeLine)),
    ...sectionEmbeds('Quotes', content.quotes.map(quoteLine)),
    ...sectionEmbeds('Timeline', content.timeline.map(timelineLine)),
  ];
  return { empty, counts, embeds };
}

function renderGroupsUncached(content: DigestContent): {
  empty: boolean;
  counts: ComposedDigest['counts'];
  groups: APIEmbed[][];
} {
  const { empty, counts, embeds } = content.briefing
    ? briefingEmbeds(content, content.briefing)
    : newsEmbeds(content);

  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  let dropped = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length === LIMITS.embedsPerMessage || total + size > LIMITS.embedTotal - 100) {
      messages.push(current);
      current = [];
      total = 0;
    }
    if (messages.length === MAX_MESSAGES) {
      dropped += (embed.description ?? '').split('\n').length;
      continue;
    }
    current.push(embed);
    total += size;
  }
  if (current.length > 0 && messages.length < MAX_MESSAGES) messages.push(current);
  if (dropped > 0) {
    const last = messages.at(-1)!;
    last.push({
      description: `… and ${dropped} more items not shown. Use /summary for the full story.`,
      color: COLOR,
    });
    // The note must fit too: drop from the end of the last message until it does.
    while (
      last.length > LIMITS.embedsPerMessage ||
      last.reduce((n, e) => n + embedLength(e), 0) > LIMITS.embedTotal
    ) {
      last.splice(last.length - 2, 1);
    }
  }
  return { empty, counts, groups: messages };
}
