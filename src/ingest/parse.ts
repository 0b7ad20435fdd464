import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SLUG_PATTERN } from '../store/stories.ts';

/** An article read from a file and validated, ready to extract and store. */
export interface ParsedArticle {
  title: string;
  body: string;
  published: Date | null;
  url: string | null;
  /** The outlet that published it. */
  source: string | null;
  /** Who wrote it (front matter `author:`). */
  author: string | null;
  /** The story slug it belongs to, if the file says. */
  story: string | null;
  /** The story's title, if the file gives one (`story_title`); else a new story takes the article's title. */
  storyTitle: string | null;
  /** What identifies this article across runs: its URL if it has one, else its path (and index, in a JSON array). */
  sourceKey: string;
}

/**
 * Either the articles of a file, or why the file was refused. A file that is not an article at all (a `.pdf`)
 * carries its extension in `notAnArticle`, so a folder scan can say it skipped it rather than that it failed.
 */
export type ReadResult =
  { ok: true; articles: ParsedArticle[] } | { ok: false; error: string; notAnArticle?: string };

/** The file formats ingest understands, by extension. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.json']);

const slug = z
  .string({ error: 'must be a slug of lowercase letters, digits and dashes, like russia-syria-withdrawal' })
  .trim()
  .regex(
    SLUG_PATTERN,
    'must be a slug of lowercase letters, digits and dashes, like russia-syria-withdrawal',
  );

/**
 * A calendar date, `YYYY-MM-DD` optionally followed by a time: checked against the calendar, since `Date`
 * silently rolls 2016-02-30 over to 2016-03-01.
 */
export function parsePublished(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return null;
  }
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

const DATE_SHAPE = 'must be a date like 2016-03-15';
const publishedDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : v),
  z
    .string({ error: DATE_SHAPE })
    .trim()
    .refine((s) => parsePublished(s) !== null, {
      error: (issue) =>
        /^\d{4}-\d{2}-\d{2}/.test(String(issue.input))
          ? `${DATE_SHAPE}: "${String(issue.input).slice(0, 10)}" is not a day on the calendar`
          : DATE_SHAPE,
    })
    .transform((s) => parsePublished(s)!),
);
const optionalText = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').optional();

/** Front matter of a `.txt` or `.md` article. Unknown keys are refused so a typo never passes silently. */
const frontMatterSchema = z.strictObject({
  title: optionalText,
  url: z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
    .optional(),
  source: optionalText,
  author: optionalText,
  published: publishedDate.optional(),
  story: slug.optional(),
  story_title: optionalText,
});
const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);

/** One article in a `.json` file. */
const requiredText = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const jsonArticleSchema = frontMatterSchema.extend({ title: requiredText, body: requiredText });
const JSON_FIELDS = Object.keys(jsonArticleSchema.shape);
const jsonFileSchema = z.union([
  jsonArticleSchema,
  z.array(jsonArticleSchema).min(1, 'must hold an article'),
]);

/**
 * One sentence per problem, naming its field: `published: must be a date like 2016-03-15: "2016-02-30" is not a
 * day on the calendar`. In a JSON array the article is counted from 1, as a person counts.
 */
function problems(error: z.ZodError, fields: string[], prefix: PropertyKey[] = []): string[] {
  return error.issues.flatMap((issue): string[] => {
    const path = [...prefix, ...issue.path];
    const where = path
      .map((part) => (typeof part === 'number' ? `article ${part + 1},` : String(part)))
      .join(' ');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) => `${where ? `${where} ` : ''}unknown field "${key}" (the fields are ${fields.join(', ')})`,
      );
    }
    if (issue.code === 'invalid_union') {
      // An array or a single article: explain the branch that got furthest (its issues have the deepest paths).
      const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
      const best = issue.errors.filter((branch) => branch.length > 0).sort((a, b) => depth(b) - depth(a))[0];
      if (best) return problems(new z.ZodError(best), fields, path);
    }
    return [where ? `${where.replace(/,$/, '')}: ${issue.message}` : issue.message];
  });
}

/** Every problem, joined: an operator fixes them all in one go instead of one per run. */
function describe(error: z.ZodError, fields: string[]): string {
  const all = problems(error, fields);
  return all.length > 0 ? all.join('; ') : 'is not valid';
}

/** Splits `---\nyaml\n---\nbody` into its parts; a file without a leading `---` line has no front matter. */
function splitFrontMatter(text: string): { yaml: string | null; rest: string } | { error: string } {
  if (!/^---\r?\n/.test(text)) return { yaml: null, rest: text };
  const end = text.slice(4).search(/^---[ \t]*(?:\r?\n|$)/m);
  if (end < 0) return { error: 'front matter starts with --- but never ends with a --- line' };
  const yaml = text.slice(4, 4 + end);
  const rest = text.slice(4 + end).replace(/^---[ \t]*\r?\n?/, '');
  return { yaml, rest };
}

/** A YAML parser error in one line: what is wrong and where, without the source excerpt after the colon. */
function yamlProblem(error: unknown): string {
  const first = (error as Error).message.split('\n')[0] ?? 'unreadable';
  return first.replace(/:\s*$/, '').replace(/\.?$/, '');
}

/** Decodes bytes as strict UTF-8, refusing binary files and invalid sequences. */
function decode(bytes: Buffer): string | { error: string } {
  if (bytes.includes(0)) return { error: 'contains NUL bytes (is it a binary file?)' };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: 'is not valid UTF-8 text' };
  }
}

function parseText(text: string, path: string, markdown: boolean): ReadResult {
  const split = splitFrontMatter(text);
  if ('error' in split) return { ok: false, error: split.error };
  let meta: z.infer<typeof frontMatterSchema> = {};
  if (split.yaml !== null) {
    let raw: unknown;
    try {
      raw = parseYaml(split.yaml) ?? {};
    } catch (error) {
      return { ok: false, error: `front matter is not valid YAML: ${yamlProblem(error)}` };
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      return { ok: false, error: 'front matter must be lines of `field: value`, like `title: …`' };
    }
    const result = frontMatterSchema.safeParse(raw);
    if (!result.success)
      return { ok: false, error: `front matter ${describe(result.error, FRONT_MATTER_FIELDS)}` };
    meta = result.data;
  }
  const lines = split.rest.split(/\r?\n/);
  let title = meta.title;
  let bodyLines = lines;
  const first = lines.findIndex((line) => line.trim() !== '');
  if (title && markdown && first >= 0 && /^#\s/.test(lines[first]!.trim())) {
    // The Markdown heading restates the title (or replaces it): it is not the first sentence of the lead.
    bodyLines = lines.slice(first + 1);
  } else if (!title) {
    const line = first >= 0 ? lines[first]!.trim() : '';
    title = (markdown ? line.replace(/^#+\s*/, '') : line).trim();
    bodyLines = lines.slice(first + 1);
  }
  if (!title) return { ok: false, error: 'has no title (front matter `title`, or a first non-empty line)' };
  const body = bodyLines.join('\n').trim();
  if (!body) return { ok: false, error: 'has a title but no body' };
  return {
    ok: true,
    articles: [
      {
        title,
        body,
        published: meta.published ?? null,
        url: meta.url ?? null,
        source: meta.source ?? null,
        author: meta.author ?? null,
        story: meta.story ?? null,
        storyTitle: meta.story_title ?? null,
        sourceKey: meta.url ?? path,
      },
    ],
  };
}

function parseJson(text: string, path: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `is not valid JSON: ${(error as Error).message}` };
  }
  const result = jsonFileSchema.safeParse(raw);
  if (!result.success) return { ok: false, error: describe(result.error, JSON_FIELDS) };
  const many = Array.isArray(result.data);
  const items = Array.isArray(result.data) ? result.data : [result.data];
  return {
    ok: true,
    articles: items.map((item, index) => ({
      title: item.title,
      body: item.body,
      published: item.published ?? null,
      url: item.url ?? null,
      source: item.source ?? null,
      author: item.author ?? null,
      story: item.story ?? null,
      storyTitle: item.story_title ?? null,
      sourceKey: item.url ?? (many ? `${path}#${index}` : path),
    })),
  };
}

/**
 * Reads one article file (`.txt`, `.md` or `.json`) and validates it. Never throws for bad input: every way a
 * file can be wrong comes back as `{ ok: false, error }` with a sentence an operator can act on.
 */
export async function readArticleFile(path: string, options: { maxBytes: number }): Promise<ReadResult> {
  const absolute = resolve(path);
  const key = relative(process.cwd(), absolute) || absolute;
  const extension = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    // Existence first: a mistyped folder name is "does not exist", not "unsupported file type".
    const info = await stat(absolute);
    if (!info.isFile()) return { ok: false, error: 'is not a regular file' };
    if (!ARTICLE_EXTENSIONS.has(extension)) {
      return {
        ok: false,
        error: `unsupported file type "${extension || '(none)'}" (use .txt, .md or .json)`,
        notAnArticle: extension || 'no extension',
      };
    }
    if (info.size > options.maxBytes) {
      return { ok: false, error: `is ${info.size} bytes, over MAX_ARTICLE_BYTES (${options.maxBytes})` };
    }
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : `cannot be read (${code ?? 'error'})`;
    return { ok: false, error: reason };
  }
  if (bytes.length === 0) return { ok: false, error: 'is empty' };
  const text = decode(bytes);
  if (typeof text !== 'string') return { ok: false, error: text.error };
  if (text.trim() === '') return { ok: false, error: 'is empty (only white space)' };
  return extension === '.json' ? parseJson(text, key) : parseText(text, key, extension === '.md');
}
