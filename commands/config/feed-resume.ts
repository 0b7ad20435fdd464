import type { ConfigHandlers } from './index.ts';
import { setFeedPaused } from './feed-pause.ts';

/** `/config feed resume url`: polls a paused feed again, trying it at once. */
const resume: ConfigHandlers['feed']['resume'] = (interaction, args, ctx) =>
  setFeedPaused(interaction, args.url, ctx, false);
export default resume;
