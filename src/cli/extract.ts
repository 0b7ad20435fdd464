/**
 * `npm run --silent extract -- FILE... [--json]`: prints what the extractor would store for each article file,
 * without touching the database. Readable text by default; with `--json`, one JSON object per article per line.
 * A file that cannot be read prints a line with its error and the others still print; the exit code is 1 then.
 */
import { loadConfigOrExit } from '../config.ts';
import { extract, type Facts } from '../extract/index.ts';
import { readArticleFile } from '../ingest/parse.ts';
import { parseCommandLineOrExit, usage, type OptionSpec, type ToolSpec } from './args.ts';
import { err, out } from './output.ts';

const tool = {
  command: 'npm run --silent extract --',
  synopsis: 'FILE...',
  description:
    'Prints what the extractor finds in each article file (summary, quotes, figures, people, places, timeline)\n' +
    'without touching the database.',
  options: { json: { type: 'boolean', description: 'one JSON object per article per line, for scripts' } },
  positionals: true,
  examples: [
    'npm run --silent extract -- data/articles/*.txt',
    'npm run --silent extract -- data/articles/*.txt --json',
  ],
} as const satisfies ToolSpec<Record<string, OptionSpec>>;
const { values, positionals: files } = parseCommandLineOrExit(tool);
const json = values.json === true;
if (files.length === 0) {
  err(`Give at least one article file.\n\n${usage(tool)}`);
  process.exit(2);
}
const config = loadConfigOrExit();

/** The stored shape of one article's facts: the fields issue 3 names, in its order. */
function toJson(file: string, title: string, published: Date | null, facts: Facts) {
  return {
    file,
    title,
    published: published ? published.toISOString().slice(0, 10) : null,
    summary: facts.summary,
    quotes: facts.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role,
      verb: q.verb,
      kind: q.kind,
    })),
    figures: facts.figures.map((f) => ({
      min: f.min,
      max: f.max,
      ...(f.counted === false ? { counted: false } : {}),
      qualifier: f.qualifier,
      unit: f.unit,
      state: f.state,
      who: f.who,
      where: f.where,
      source: f.source,
      sentence: f.sentence,
    })),
    people: facts.people.map((p) => ({ name: p.name, aliases: p.aliases, role: p.role })),
    places: facts.places.map((p) => p.name),
    organizations: facts.organizations.map((o) => o.name),
    timeline: facts.timeline.map((t) => ({ date: t.date, precision: t.precision, text: t.text })),
  };
}

function figureText(f: Facts['figures'][number]): string {
  const count =
    f.counted === false
      ? '(number not given)'
      : f.min === f.max
        ? f.min.toLocaleString('en-US')
        : `${f.min.toLocaleString('en-US')}–${f.max.toLocaleString('en-US')}`;
  const parts = [f.qualifier, count, f.who, f.unit].filter(Boolean).join(' ');
  const where = f.where ? ` in ${f.where}` : '';
  return `${parts}${where}: ${f.state}, source ${f.source ?? 'unattributed'}`;
}

function toText(file: string, title: string, published: Date | null, facts: Facts): string {
  const lines = [
    `== ${file}`,
    `title: ${title}`,
    `published: ${published ? published.toISOString().slice(0, 10) : 'unknown'}`,
  ];
  lines.push('summary:', ...facts.summary.map((s) => `  ${s}`));
  lines.push('quotes:');
  for (const q of facts.quotes) {
    const who = q.speaker ? `${q.speaker}${q.role ? ` (${q.role})` : ''}` : 'unknown speaker';
    lines.push(
      `  [${q.kind}] ${who}${q.verb ? `, ${q.verb}` : ''}: ${q.kind === 'direct' ? `“${q.text}”` : q.text}`,
    );
  }
  lines.push('figures:', ...facts.figures.map((f) => `  ${figureText(f)}`));
  lines.push('people:');
  for (const p of facts.people) {
    lines.push(
      `  ${p.name}${p.role ? ` (${p.role})` : ''}${p.aliases.length > 0 ? ` aka ${p.aliases.join('; ')}` : ''}`,
    );
  }
  lines.push(`places: ${facts.places.map((p) => p.name).join(', ')}`);
  lines.push(`organizations: ${facts.organizations.map((o) => o.name).join(', ')}`);
  lines.push('timeline:');
  for (const t of facts.timeline)
    lines.push(`  ${t.date} (${t.precision}${t.approximate ? ', approximate' : ''}) ${t.text}`);
  return lines.join('\n');
}

let failed = false;
for (const file of files) {
  const read = await readArticleFile(file, { maxBytes: config.MAX_ARTICLE_BYTES });
  if (!read.ok) {
    failed = true;
    out(json ? JSON.stringify({ file, error: read.error }) : `== ${file}\nerror: ${read.error}\n`);
    continue;
  }
  for (const article of read.articles) {
    // An article without a published date keeps its relative dates unresolved rather than guessing "today".
    const facts = extract({ title: article.title, body: article.body, published: article.published });
    out(
      json
        ? JSON.stringify(toJson(file, article.title, article.published, facts))
        : `${toText(file, article.title, article.published, facts)}\n`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
