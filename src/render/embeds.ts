/**
 * The replies of the member-facing commands, as pure functions from store rows to Discord message payloads:
 * no Discord client, no database, so each can be unit-tested on hand-made rows. Every payload is cut to
 * Discord's limits (fitEmbeds), every piece of article text goes through escapeText, and every payload sets
 * `allowed_mentions` to ping nobody.
 */
import {
  time,
  TimestampStyles,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type {
  ArticleHeader,
  FactSource,
  SearchHit,
  Story,
  StoredEntity,
  StoredFigure,
  StoredQuote,
  StoredTimelineEvent,
} from '../store/index.ts';
import type { FigureState } from '../extract/types.ts';
import { figureAmount, figureLine, STATE_LABEL } from './figures.ts';
import { fitEmbeds, LIMITS } from './limits.ts';
import { pageLabel, pagerRow, type PageState } from './pager.ts';
import { counted } from './count.ts';
import { articleLink, escapeText, formatDate, safe, safeUrl, truncate } from './text.ts';

/** A message as the commands send it: discord.js options, with mentions always off. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: { parse: [] };
}

/**
 * "Nothing found" is for the member who asked, not the channel: an ephemeral line (Discord's flag 64) that
 * names the story it looked in and, when the answer is in another story, which one.
 */
export function nothingFoundReply(text: string): ReplyPayload & { flags: 64 } {
  return {
    content: truncate(text, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
    flags: 64,
  };
}

/** Dispatch's embed colour. */
export const COLOR = 0x2b6cb0;

/** Builds a payload whose embeds fit one message, however much was put in. */
export function messagePayload(
  embeds: APIEmbed[],
  components: ReplyPayload['components'] = [],
  content?: string,
): ReplyPayload {
  const payload: ReplyPayload = { embeds: fitEmbeds(embeds), components, allowedMentions: { parse: [] } };
  if (content !== undefined) payload.content = truncate(content, LIMITS.content);
  return payload;
}

/** The line that says where a fact came from: `[Title](url) · Outlet · 15 Mar 2016`. */
export function sourceLine(source: FactSource): string {
  const parts = [articleLink(source.articleTitle, source.articleUrl)];
  if (source.articleSource) parts.push(safe(source.articleSource, 60));
  parts.push(formatDate(source.publishedAt));
  return parts.join(' · ');
}

/** A story named in a footer: `Russia’s withdrawal from Syria (russia-syria-withdrawal)`. */
function storyFooter(story: Story, extra?: string): { text: string } {
  const base = `${story.title} · story: ${story.slug}`;
  return { text: truncate(extra ? `${base} · ${extra}` : base, LIMITS.footer) };
}

// ---------------------------------------------------------------------------------------------------- /summary

export interface SummaryInput {
  story: Story;
  /** The newest articles, newest first. */
  articles: ArticleHeader[];
  articleCount: number;
  /** Whether the count stopped at its cap (shown as "1,000+"). */
  articleCountCapped?: boolean;
  /** The newest figure of each state, in STATE_ORDER. */
  keyFigures: StoredFigure[];
  /** The newest article's lead (`store.articles.lead`). */
  lead: string;
}

/** `/summary`: the headline (newest article), its lead sentences, key figures and the sources. */
export function summaryReply(input: SummaryInput): ReplyPayload {
  const { story, articles } = input;
  const newest = articles[0];
  if (!newest) {
    return messagePayload([
      { title: safe(story.title, LIMITS.title), description: 'No articles yet.', color: COLOR },
    ]);
  }
  const { lead } = input;
  const fields: APIEmbedField[] = [];
  if (input.keyFigures.length > 0) {
    fields.push({
      name: 'Key figures',
      value: truncate(
        input.keyFigures
          .map((f) => `${figureLine(f, { state: true })} (${formatDate(f.publishedAt)})`)
          .join('\n'),
        LIMITS.fieldValue,
      ),
    });
  }
  const sources = articles.map((a) => {
    const outlet = a.source ? ` · ${safe(a.source, 60)}` : '';
    const author = a.author ? ` · by ${safe(a.author, 60)}` : '';
    return `${formatDate(a.publishedAt)} — ${articleLink(a.title, a.url)}${outlet}${author}`;
  });
  fields.push({
    name: `Sources (${input.articleCount.toLocaleString('en-US')}${input.articleCountCapped ? '+' : ''})`,
    value: fitLines(sources),
  });
  const embed: APIEmbed = {
    author: { name: truncate(story.title, LIMITS.author) },
    title: safe(newest.title, LIMITS.title),
    description: safe(lead || 'No summary was extracted from this article.', 1500),
    color: COLOR,
    fields,
    footer: storyFooter(story, `newest article ${formatDate(newest.publishedAt)}`),
  };
  const href = safeUrl(newest.url);
  if (href) embed.url = href;
  return messagePayload([embed]);
}

/** Joins lines into one field value, dropping whole lines (with a count) rather than cutting one in half. */
export function fitLines(lines: string[], max: number = LIMITS.fieldValue): string {
  const note = (n: number) => `… and ${n} more`;
  const reserve = note(lines.length).length + 1;
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const separator = kept.length > 0 ? 1 : 0;
    const isLast = i === lines.length - 1;
    if (used + separator + line.length + (isLast ? 0 : reserve) <= max) {
      kept.push(line);
      used += separator + line.length;
      continue;
    }
    if (kept.length === 0) kept.push(truncate(line, max - reserve));
    const dropped = lines.length - kept.length;
    if (dropped > 0) kept.push(note(dropped));
    break;
  }
  return kept.join('\n') || '\u200b';
}

// ----------------------------------------------------------------------------------------------------- /troops

/** The figures of one state, newest first, and how many there are in all (counted up to a cap). */
export interface FigureGroup {
  state: FigureState;
  figures: StoredFigure[];
  total: number;
  capped: boolean;
}

/**
 * The field of one sentence and the figures of one state it carries: a long sentence holding three figures is
 * quoted once, under the figures it gives, each in the one figure wording.
 */
function sentenceField(figures: StoredFigure[]): APIEmbedField {
  const first = figures[0]!;
  const name = `${STATE_LABEL[first.state]} · ${figures
    .map((f) => `${figureAmount(f)}${f.who ? ` (${f.who})` : ''}`)
    .join(' · ')}`;
  const value = [
    ...figures.map((f) => `• ${figureLine(f)}`),
    `> ${safe(first.sentence.replace(/\s+/g, ' '), 300)}`,
    sourceLine(first),
  ].join('\n');
  return { name: truncate(name, LIMITS.fieldName), value: truncate(value, LIMITS.fieldValue) };
}

/** The figures of a group by the sentence that gives them, in the group's order (its newest first). */
function bySentence(figures: StoredFigure[]): StoredFigure[][] {
  const sentences = new Map<string, StoredFigure[]>();
  for (const figure of figures) {
    const key = `${figure.articleId}|${figure.sentence}`;
    const same = sentences.get(key);
    if (same) same.push(figure);
    else sentences.set(key, [figure]);
  }
  return [...sentences.values()];
}

/** `1 more remaining figure`, `200+ more deployed figures`. */
function moreFigures(group: FigureGroup): string | undefined {
  const more = group.total - group.figures.length;
  if (more <= 0) return undefined;
  return counted(more, `more ${group.state} figure`, `more ${group.state} figures`, group.capped);
}

/**
 * `/troops`: the newest figure of each state up top ("how many stay?" at a glance), then every listed figure
 * as a field, grouped by state (remaining first) and newest first within each.
 */
export function troopsReply(story: Story, groups: FigureGroup[]): ReplyPayload {
  const present = groups.filter((g) => g.figures.length > 0);
  if (present.length === 0) {
    return messagePayload([
      {
        title: `Force figures · ${safe(story.title, 200)}`,
        description: 'No force figures have been reported for this story yet.',
        color: COLOR,
        footer: storyFooter(story),
      },
    ]);
  }
  const glance = present.map((g) => {
    const f = g.figures[0]!;
    return `**${STATE_LABEL[g.state]}:** ${figureLine(f)} (${formatDate(f.publishedAt)})`;
  });
  const fields = present.flatMap((group) => bySentence(group.figures).map(sentenceField));
  const hidden = present.map(moreFigures).filter((text): text is string => text !== undefined);
  const shown = fields.slice(0, LIMITS.fields);
  const footerExtra = hidden.length > 0 ? `${hidden.join(', ')}; /search to see all` : undefined;
  return messagePayload([
    {
      title: `Force figures · ${safe(story.title, 200)}`,
      description: glance.join('\n'),
      color: COLOR,
      fields: shown,
      footer: storyFooter(story, footerExtra),
    },
  ]);
}

// ----------------------------------------------------------------------------------------------------- /quotes

/** `Vladimir Putin, Russian President`, or `Unattributed`. */
function speakerLabel(quote: Pick<StoredQuote, 'speaker' | 'role'>): string {
  if (!quote.speaker) return 'Unattributed';
  return quote.role ? `${quote.speaker}, ${quote.role}` : quote.speaker;
}

/** One quote as a field; direct quotes in quotation marks, reported speech labelled as such. */
export function quoteField(quote: StoredQuote, maxText = 700): APIEmbedField {
  const kind = quote.kind === 'direct' ? 'direct quote' : 'reported speech';
  const text = safe(quote.text.replace(/\s+/g, ' '), maxText);
  const body = quote.kind === 'direct' ? `“${text}”` : `*(reported)* ${text}`;
  return {
    name: truncate(`${speakerLabel(quote)} — ${kind}`, LIMITS.fieldName),
    value: truncate(`${body}\n${sourceLine(quote)}`, LIMITS.fieldValue),
  };
}

export interface QuotesInput {
  story: Story;
  speaker: string | undefined;
  quotes: StoredQuote[];
  state: PageState;
  /** Builds the custom id of another page of this same list. */
  idFor: (page: number) => string;
}

/** `/quotes`: one page of quotes, newest first, with Previous/Next buttons that carry the list's state. */
export function quotesReply(input: QuotesInput): ReplyPayload {
  const { story, speaker, quotes, state } = input;
  const title = speaker ? `Quotes from ${safe(speaker, 100)}` : 'Quotes';
  if (quotes.length === 0) {
    const description =
      state.page > 0
        ? 'There are no more quotes.'
        : speaker
          ? `Nobody called ${safe(speaker, 100)} is quoted in this story. Start typing in \`speaker\` to see who is.`
          : 'No quotes have been found in this story yet.';
    return messagePayload([{ title, description, color: COLOR, footer: storyFooter(story) }]);
  }
  const embed: APIEmbed = {
    title: `${title} · ${safe(story.title, 120)}`,
    color: COLOR,
    fields: quotes.map((q) => quoteField(q)),
    footer: storyFooter(
      story,
      `${pageLabel(state)} · ${counted(state.total, 'quote', 'quotes', state.capped)}`,
    ),
  };
  return messagePayload([embed], pagerRow(state, input.idFor));
}

// --------------------------------------------------------------------------------------------------- /timeline

export interface TimelineInput {
  story: Story;
  events: StoredTimelineEvent[];
  state: PageState;
  idFor: (page: number) => string;
}

/** `/timeline`: dated events in date order; approximate dates are marked `c.`, precision shapes the date. */
export function timelineReply(input: TimelineInput): ReplyPayload {
  const { story, events, state } = input;
  if (events.length === 0) {
    const description = state.page > 0 ? 'There are no more events.' : 'No dated events have been found yet.';
    return messagePayload([
      {
        title: `Timeline · ${safe(story.title, 200)}`,
        description,
        color: COLOR,
        footer: storyFooter(story),
      },
    ]);
  }
  const lines = events.map((e) => {
    const date = `${e.approximate ? 'c. ' : ''}${formatDate(e.date, e.precision)}`;
    return `**${date}** — ${safe(e.text.replace(/\s+/g, ' '), 300)}\n  ${sourceLine(e)}`;
  });
  return messagePayload(
    [
      {
        title: `Timeline · ${safe(story.title, 200)}`,
        description: truncate(lines.join('\n'), LIMITS.description),
        color: COLOR,
        footer: storyFooter(
          story,
          `${pageLabel(state)} · ${counted(state.total, 'event', 'events', state.capped)}`,
        ),
      },
    ],
    pagerRow(state, input.idFor),
  );
}

// -------------------------------------------------------------------------------------------------------- /who

export interface WhoInput {
  story: Story;
  person: StoredEntity;
  quotes: StoredQuote[];
  quoteCount: number;
}

/** `/who person`: role, other names, how often the story mentions them, and their latest quotes. */
export function whoReply(input: WhoInput): ReplyPayload {
  const { story, person, quotes } = input;
  const facts = [
    `**Role:** ${person.role ? escapeText(person.role) : 'not given'}`,
    person.aliases.length > 0
      ? `**Also called:** ${person.aliases
          .slice(0, 8)
          .map((a) => escapeText(a))
          .join(', ')}`
      : null,
    `**Mentioned** ${counted(person.mentionCount, 'time')} in ${counted(person.articleCount, 'article')}`,
    `**Quoted** ${counted(input.quoteCount, 'time')}`,
  ].filter((line): line is string => line !== null);
  const fields = quotes.map((q) => quoteField(q, 400));
  return messagePayload([
    {
      title: safe(person.name, LIMITS.title),
      description: facts.join('\n'),
      color: COLOR,
      fields,
      footer: storyFooter(
        story,
        quotes.length > 0 ? 'latest quotes shown; /quotes speaker: for all' : undefined,
      ),
    },
  ]);
}

/** `/who` without a name: the people of the story, most reported first. */
export function peopleReply(story: Story, people: StoredEntity[]): ReplyPayload {
  const lines = people.map(
    (p) =>
      `**${safe(p.name, 80)}**${p.role ? ` — ${safe(p.role, 80)}` : ''} · ${counted(p.articleCount, 'article')}, ${counted(p.mentionCount, 'mention')}`,
  );
  return messagePayload([
    {
      title: `People · ${safe(story.title, 200)}`,
      description:
        lines.length > 0 ? truncate(lines.join('\n'), LIMITS.description) : 'Nobody has been named yet.',
      color: COLOR,
      footer: storyFooter(story, 'pick a name with /who person:'),
    },
  ]);
}

// ----------------------------------------------------------------------------------------------------- /search

const MATCH_START = String.fromCharCode(1);
const MATCH_END = String.fromCharCode(2);

/** Turns the match markers of a search excerpt (`\u0001…\u0002`) into bold, escaping everything else. */
export function highlight(excerpt: string, max = 300): string {
  const flat = excerpt.replace(/\s+/g, ' ');
  let out = '';
  for (const [i, chunk] of flat.split(MATCH_START).entries()) {
    const end = chunk.indexOf(MATCH_END);
    if (i === 0 || end < 0) out += escapeText(chunk.split(MATCH_END).join(''));
    else
      out += `**${escapeText(chunk.slice(0, end))}**${escapeText(
        chunk
          .slice(end + 1)
          .split(MATCH_END)
          .join(''),
      )}`;
  }
  // Cutting bold text could leave `**` open: a long excerpt is shown plain, cut at a word.
  return out.length <= max ? out : safe(flat.split(MATCH_START).join('').split(MATCH_END).join(''), max);
}

/** `/search`: the newest matching quotes, then the newest matching articles. */
export function searchReply(
  query: string,
  story: Story | null,
  hits: { quotes: SearchHit[]; articles: SearchHit[] },
): ReplyPayload {
  const title = `Search: ${safe(query, 200)}`;
  const footer = story ? storyFooter(story) : { text: 'every story · newest matches first' };
  if (hits.quotes.length === 0 && hits.articles.length === 0) {
    return messagePayload([
      { title, description: 'Nothing matched. Try fewer or different words.', color: COLOR, footer },
    ]);
  }
  const fields: APIEmbedField[] = [];
  // Across stories, each match says which story it is in.
  const when = (h: SearchHit) =>
    `${formatDate(h.publishedAt)}${!story && h.storyTitle ? ` · in ${safe(h.storyTitle, 80)}` : ''}`;
  if (hits.quotes.length > 0) {
    fields.push({
      name: 'Quotes',
      value: fitLines(
        hits.quotes.map(
          (h) =>
            `${h.speaker ? `**${safe(h.speaker, 60)}:** ` : ''}“${highlight(h.excerpt, 250)}” — ${articleLink(h.title, h.url, 80)}, ${when(h)}`,
        ),
      ),
    });
  }
  if (hits.articles.length > 0) {
    fields.push({
      name: 'Articles',
      value: fitLines(
        hits.articles.map(
          (h) => `${articleLink(h.title, h.url, 100)}, ${when(h)}\n${highlight(h.excerpt, 250)}`,
        ),
      ),
    });
  }
  return messagePayload([{ title, color: COLOR, fields, footer }]);
}

// ------------------------------------------------------------------------------------------------------ /about

export interface AboutInput {
  version: string;
  articles: number;
  stories: number;
  lastIngestAt: string | null;
  /** The story commands answer here when none is named. */
  latest: Story | undefined;
  /** A few stories, for "which stories can I ask about?". */
  storyList: Story[];
}

/** `/about`: what this bot is, what it holds, and how fresh it is. */
export function aboutReply(input: AboutInput): ReplyPayload {
  const last = input.lastIngestAt
    ? time(new Date(input.lastIngestAt), TimestampStyles.RelativeTime)
    : 'never';
  const fields: APIEmbedField[] = [
    { name: 'Version', value: input.version, inline: true },
    { name: 'Articles stored', value: input.articles.toLocaleString('en-US'), inline: true },
    { name: 'Stories', value: input.stories.toLocaleString('en-US'), inline: true },
    {
      name: 'Last ingest',
      value: input.lastIngestAt ? `${formatDate(input.lastIngestAt)} (${last})` : 'never',
      inline: true,
    },
  ];
  if (input.storyList.length > 0) {
    fields.push({
      name: 'Stories you can ask about',
      value: fitLines(
        input.storyList.map(
          (s) => `\`${s.slug}\` — ${safe(s.title, 100)}${s.id === input.latest?.id ? ' (the default)' : ''}`,
        ),
      ),
    });
  }
  return messagePayload([
    {
      title: 'Dispatch',
      description:
        'Keeps this community up to date on a developing news story: quotes, force figures, a timeline and ' +
        'sources, extracted from news articles. Try /summary, /troops, /quotes, /timeline, /who and /search.',
      color: COLOR,
      fields,
    },
  ]);
}
