/**
 * What the handlers' types are derived from a command's JSON: checked by the typecheck `npm test` runs first
 * (`expectTypeOf` fails to compile when a type drifts), so renaming an option in `data` breaks the build where
 * it is read.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type config from '../../commands/config/index.ts';
import quotes from '../../commands/quotes.ts';
import type troops from '../../commands/troops.ts';
import type { ArgumentsOf } from '../../src/bot/arguments.ts';
import type { FocusedOption } from '../../src/bot/command.ts';

describe('types derived from the command JSON', () => {
  it('gives an autocomplete handler only the options the JSON autocompletes, each by its name', () => {
    expectTypeOf<FocusedOption<typeof quotes.data>>().toEqualTypeOf<
      { name: 'speaker'; value: string } | { name: 'story'; value: string }
    >();
    expectTypeOf<FocusedOption<typeof troops.data>>().toEqualTypeOf<{ name: 'story'; value: string }>();
    // Through subcommands and groups; `/config feed add url:` is typed in, not autocompleted.
    expectTypeOf<FocusedOption<typeof config.data>['name']>().toEqualTypeOf<
      'timezone' | 'story' | 'url' | 'digest'
    >();
    expectTypeOf(quotes.autocomplete).parameter(1).toEqualTypeOf<FocusedOption<typeof quotes.data>>();
  });

  it('gives a handler its arguments: required ones present, optional ones possibly absent', () => {
    type QuotesArgs = ArgumentsOf<typeof quotes.data>;
    expectTypeOf<keyof QuotesArgs>().toEqualTypeOf<'speaker' | 'story'>();
    expectTypeOf<QuotesArgs['speaker']>().toEqualTypeOf<string | undefined>();
  });
});
