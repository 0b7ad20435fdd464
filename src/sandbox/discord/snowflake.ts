/** Discord's epoch (2015-01-01T00:00:00Z), the zero point of every snowflake's timestamp. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes Discord-shaped snowflakes (19 digits today). Real-looking ids matter: @discordjs/rest only
 * recognises a channel or guild id as a rate-limit "major parameter" when it has 17 to 19 digits, so
 * short fake ids would silently merge every channel into one bucket.
 */
export class SnowflakeGenerator {
  private increment = 0n;
  private lastMs = 0n;

  next(now: number = Date.now()): string {
    let ms = BigInt(now);
    // Keep ids strictly increasing even if the clock stalls or steps back.
    if (ms < this.lastMs) ms = this.lastMs;
    if (ms === this.lastMs) {
      this.increment = (this.increment + 1n) & 0xfffn;
      if (this.increment === 0n) ms += 1n;
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | this.increment).toString();
  }
}

/** The creation time a snowflake encodes, in ms since the Unix epoch. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
