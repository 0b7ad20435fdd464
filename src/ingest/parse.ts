import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** An article read from a file and validated, ready to extract and store. */
export interface ParsedArticle {
  title: string;
  body: string;
  published: Date | null;
  url: string | null;
  /** The outlet that published it. */
  source: string | null;
  /** The story slug it belongs to, if the file says. */
  story: string | null;
  /** What identifies this article across runs: its URL if it has one, else its path (and index, in a JSON array). */
  sourceKey: string;
}

/** Either the articles of a file, or why the file was refused. */
export type ReadResult = { ok: true; articles: ParsedArticle[] } | { ok: false; error: string };

/** The file formats ingest understands, by extension. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.json']);

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug of lowercase letters, digits and dashes');
const publishedDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString() : v),
  z
    .string()
    .trim()
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
      'must be a date like 2016-03-15',
    )
    .transform((s) => new Date(s)),
);
const optionalText = z.string().trim().min(1).optional();

/** Front matter of a `.txt` or `.md` article. Unknown keys are refused so a typo never passes silently. */
const frontMatterSchema = z.strictObject({
  title: optionalText,
  url: z.url({ protocol: /^https?$/ }).optional(),
  source: optionalText,
  published: publishedDate.optional(),
  story: slug.optional(),
});

/** One article in a `.json` file. */
const requiredText = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const jsonArticleSchema = frontMatterSchema.extend({ title: requiredText, body: requiredText });
const jsonFileSchema = z.union([
  jsonArticleSchema,
  z.array(jsonArticleSchema).min(1, 'must hold an article'),
]);

/** Names the first field a zod error is about: `published: must be a date like 2016-03-15`. */
function describe(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') {
    const nested = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
    if (nested)
      return describe(new z.ZodError([{ ...nested, path: [...issue.path, ...nested.path] }]), prefix);
  }
  const path = [...(prefix ? [prefix] : []), ...issue.path].join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
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
      return {
        ok: false,
        error: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      };
    }
    const result = frontMatterSchema.safeParse(raw);
    if (!result.success) return { ok: false, error: `front matter ${describe(result.error)}` };
    meta = result.data;
  }
  const lines = split.rest.split(/\r?\n/);
  let title = meta.title;
  let bodyLines = lines;
  if (!title) {
    const first = lines.findIndex((line) => line.trim() !== '');
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
        story: meta.story ?? null,
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
  if (!result.success) return { ok: false, error: describe(result.error) };
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
      story: item.story ?? null,
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
