// The one clock the extension reads. Tests in a real VS Code move it forward to cross a reminder
// time without waiting.
import type { Clock } from '../core/entries';
import { systemZone } from '../core/time';

export class HostClock implements Clock {
  private offsetMs = 0;
  private zoneOverride: string | undefined;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  zone(): string {
    return this.zoneOverride ?? systemZone();
  }

  /** For tests: pretend the current time is `instant` (in `zone`, if given), from now on. */
  travelTo(instant: number, zone?: string): void {
    this.offsetMs = instant - Date.now();
    this.zoneOverride = zone;
  }
}
