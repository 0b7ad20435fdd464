/**
 * Characters that change how text is shown without being seen. Bidirectional controls (a right-to-left override,
 * an isolate) reorder whatever follows them, so an article could make a line of a reply read backwards or hide
 * a link's real text; zero-width characters split words invisibly ("Pu\u200Btin" no longer matches a search for
 * Putin). Ingest removes both from the text it stores, keeping the two that real writing needs: the zero-width
 * joiner inside an emoji sequence (👩‍💻, 🏳️‍🌈) and the zero-width non-joiner between letters (Persian and Indic
 * scripts spell with it).
 *
 * Every way an article enters the store goes through {@link withoutInvisibles} before its facts are extracted:
 * article files (`src/ingest/ingest.ts`) and feed items and article links (`storeItem` in `src/feeds/items.ts`).
 */

/** LRM, RLM, ALM, the embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width space, word joiner, zero-width no-break space (BOM), Mongolian vowel separator. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF\u180E]/g;
/** A zero-width joiner not between two parts of an emoji sequence. */
const STRAY_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** A zero-width non-joiner not between two letters of a script that writes with it (not Latin, Greek, Cyrillic). */
const STRAY_NON_JOINER =
  /(?<![\p{L}\p{M}])\u200C|(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\u200C|\u200C(?!\p{L})/gu;

/** The text without bidirectional controls and zero-width characters, except where writing needs them. */
export function stripInvisible(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(STRAY_JOINER, '')
    .replace(STRAY_NON_JOINER, '');
}

/**
 * The article with `fields` (its texts: title, body, outlet …) stripped by {@link stripInvisible}; a null field
 * stays null, and fields that identify it (a URL, a GUID) are left as they are, so it is still recognised.
 */
export function withoutInvisibles<T extends object, K extends keyof T>(article: T, fields: readonly K[]): T {
  const clean = { ...article };
  for (const field of fields) {
    const value = clean[field];
    if (typeof value === 'string') clean[field] = stripInvisible(value) as T[K];
  }
  return clean;
}
