// Row ids are random UUIDs so two windows (or two devices syncing a folder) never collide.
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
