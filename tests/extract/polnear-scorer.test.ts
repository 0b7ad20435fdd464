/**
 * The PolNeAR scorer's reading of an attribution (scripts/eval-polnear.ts). The articles are written for these tests
 * in PolNeAR's file layout (title, blank line, body; brat spans in code points over the whole file); no corpus text.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPolnearArticle } from '../../scripts/eval-polnear.ts';

const NAME = 'daily_2016-03-01_clinic-to-close';
let root = '';

/** Writes one article whose single attribution has `source`, `cue` and `content` (each the first occurrence). */
async function article(file: string, source: string, cue: string, content: string): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'polnear-'));
  const at = (s: string) => {
    const i = file.indexOf(s);
    if (i < 0) throw new Error(`not in the article: ${s}`);
    return `${i} ${i + s.length}`;
  };
  await mkdir(join(root, 'data', 'dev', 'text'), { recursive: true });
  await mkdir(join(root, 'data', 'dev', 'attributions'), { recursive: true });
  await writeFile(join(root, 'data', 'dev', 'text', `${NAME}.txt`), file);
  await writeFile(
    join(root, 'data', 'dev', 'attributions', `${NAME}_ab12.ann`),
    [
      `T1\tSource ${at(source)}\t${source}`,
      `T2\tCue ${at(cue)}\t${cue}`,
      `T3\tContent ${at(content)}\t${content}`,
      `T4\tAttribution ${at(cue)}\t${cue}`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      '',
    ].join('\n'),
  );
}

const gold = async () =>
  (await readPolnearArticle(root, 'dev', NAME, `${NAME}_ab12.ann`)).gold.map((g) => [g.kind, g.text.trim()]);

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('PolNeAR scorer: a partial attribution is read sentence by sentence', () => {
  it('scores the wholly quoted sentence as a direct quote and the mixed one as the partial quote', async () => {
    const content = 'the wing would close “for good” in May. “We have no staff left. Nobody wants this.”';
    await article(`Clinic to close\n\nMara Quill said ${content}`, 'Mara Quill', 'said', content);
    expect(await gold()).toEqual([
      ['partial', 'the wing would close for good in May.'],
      ['direct', 'We have no staff left. Nobody wants this.'],
    ]);
  });

  it("reads ''…'' marks as opening a sentence and does not end one at the full stop of Mr.", async () => {
    const content = "the plan “works” for Mr. Hale and the town. ''It is cheap.''";
    await article(`Plan\n\nAda Roe said ${content}`, 'Ada Roe', 'said', content);
    expect(await gold()).toEqual([
      ['partial', 'the plan works for Mr. Hale and the town.'],
      ['direct', 'It is cheap.'],
    ]);
  });

  it('scores a paraphrase sentence of a partial attribution as reported speech', async () => {
    const content = 'the vote was close. She called it “a fair fight” and left.';
    await article(`Vote\n\nLena Ortiz said ${content}`, 'Lena Ortiz', 'said', content);
    expect(await gold()).toEqual([
      ['reported', 'the vote was close.'],
      ['partial', 'She called it a fair fight and left.'],
    ]);
  });

  it('scores a quoted sentence that a colon introduces as a direct quote', async () => {
    const content = 'voters had one choice: “Stay home or vote for change.”';
    await article(`Choice\n\nRae Dunn said ${content}`, 'Rae Dunn', 'said', content);
    expect(await gold()).toEqual([
      ['reported', 'voters had one choice:'],
      ['direct', 'Stay home or vote for change.'],
    ]);
  });

  it('keeps an attribution that is quoted throughout as one direct quote', async () => {
    const content = '“We are done. We go home.”';
    await article(`Strike\n\nTom Vale said ${content}`, 'Tom Vale', 'said', content);
    expect(await gold()).toEqual([['direct', 'We are done. We go home.']]);
  });
});

describe('PolNeAR scorer: a wholly quoted sentence is direct whatever the cue', () => {
  it('scores the quoted sentence after a cue that is not a verb of saying as a direct quote', async () => {
    const content = 'his remarks on the budget. “We cannot pay for this. Not this year.”';
    await article(`Budget\n\nIvo Brand continued ${content}`, 'Ivo Brand', 'continued', content);
    expect(await gold()).toEqual([
      ['other', 'his remarks on the budget.'],
      ['direct', 'We cannot pay for this. Not this year.'],
    ]);
  });

  it('keeps a mixed sentence under such a cue as "other", neither partial nor reported', async () => {
    const content = 'the plan as “a gift to landlords” in a speech.';
    await article(`Plan\n\nNell Park slammed ${content}`, 'Nell Park', 'slammed', content);
    expect(await gold()).toEqual([['other', 'the plan as a gift to landlords in a speech.']]);
  });
});
