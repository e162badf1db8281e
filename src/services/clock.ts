// The one clock the extension reads. Tests in a real VS Code move it forward to cross a reminder
// time without waiting.
import type { DayClock } from '../core/entries';
import { localDateOf, systemZone, type LocalDate } from '../core/time';

export class HostClock implements DayClock {
  private offsetMs = 0;
  private zoneOverride: string | undefined;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  zone(): string {
    return this.zoneOverride ?? systemZone();
  }

  /** The user's calendar date now, where they are. */
  today(): LocalDate {
    return localDateOf(this.now(), this.zone());
  }

  /** For tests: pretend the current time is `instant` (in `zone`, if given), from now on. */
  travelTo(instant: number, zone?: string): void {
    this.offsetMs = instant - Date.now();
    this.zoneOverride = zone;
  }
}
