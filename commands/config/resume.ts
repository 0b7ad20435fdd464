import type { ConfigHandlers } from './index.ts';
import { setPaused } from './pause.ts';

/** `/config digest resume`: starts a paused digest again, from its next run. */
const resume: ConfigHandlers['digest']['resume'] = (interaction, args, ctx) =>
  setPaused(interaction, args, ctx, false);
export default resume;
