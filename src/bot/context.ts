import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';

/**
 * Everything a command handler or scheduled job may use, passed explicitly: no module globals, so a test builds
 * its own context around a temporary database and a manual clock.
 */
export interface Ctx {
  db: Store;
  config: Config;
  log: Logger;
  clock: Clock;
}
