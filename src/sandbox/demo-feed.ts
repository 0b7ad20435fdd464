/**
 * The sandbox's demo feed: a local HTTP server on 127.0.0.1 serving an RSS 2.0 feed written for Dispatch
 * (`data/sandbox-feed/feed.json`, an invented town and outlet), so a newcomer sees feeds work with no network:
 * the sandbox follows it at start, and the prompt's `publish` adds the next item, which the bot then fetches
 * like any feed item (conditional GET, parsing, dedupe, extraction in the worker pool).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Clock } from '../clock.ts';

/** Where the demo feed's items are, from the repository's root. */
export const DEMO_FEED_FILE = new URL('../../data/sandbox-feed/feed.json', import.meta.url);

const item = z.object({
  guid: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  body: z.array(z.string().min(1)).min(1),
});
const demoFile = z.object({
  about: z.string(),
  title: z.string().min(1),
  story: z.string().regex(/^[a-z0-9-]+$/),
  published: z.array(item.extend({ daysAgo: z.number().nonnegative() })),
  upcoming: z.array(item),
});
type DemoItem = z.infer<typeof item> & { date: Date };

/** A running demo feed. */
export interface DemoFeed {
  /** The feed's address, on 127.0.0.1. */
  url: string;
  /** The outlet's name, which the sandbox gives the feed. */
  title: string;
  /** The story slug its articles join. */
  story: string;
  /** Adds the next upcoming item, dated now; null when every item is out. */
  publish(): { title: string; link: string } | null;
  /** How many items are still to publish. */
  remaining(): number;
  close(): Promise<void>;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Starts the demo feed's server on a free port of 127.0.0.1. */
export async function startDemoFeed(clock: Clock, file: URL = DEMO_FEED_FILE): Promise<DemoFeed> {
  const demo = demoFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const now = clock.now().getTime();
  const live: DemoItem[] = demo.published.map((i) => ({
    ...i,
    date: new Date(now - i.daysAgo * 86_400_000),
  }));
  const upcoming = [...demo.upcoming];
  let base = '';
  const link = (i: DemoItem) => `${base}/news/${i.slug}`;
  const document = () => {
    const items = [...live]
      .reverse()
      .map(
        (i) =>
          `<item><title>${xml(i.title)}</title><link>${xml(link(i))}</link>` +
          `<guid isPermaLink="false">${xml(i.guid)}</guid><pubDate>${i.date.toUTCString()}</pubDate>` +
          `<dc:creator>Port Alder Courier staff</dc:creator>` +
          `<content:encoded>${xml(i.body.map((p) => `<p>${xml(p)}</p>`).join(''))}</content:encoded></item>`,
      )
      .join('\n');
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
      `<title>${xml(demo.title)}</title><link>${base}/</link><description>News from Port Alder (invented)</description>\n` +
      `${items}\n</channel></rss>\n`
    );
  };
  const server: Server = createServer((req, res) => {
    if (req.url !== '/feed.xml') return void res.writeHead(404).end();
    const etag = `"demo-${live.length}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(document());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/feed.xml`,
    title: demo.title,
    story: demo.story,
    publish() {
      const next = upcoming.shift();
      if (!next) return null;
      const published: DemoItem = { ...next, date: clock.now() };
      live.push(published);
      return { title: published.title, link: link(published) };
    },
    remaining: () => upcoming.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
