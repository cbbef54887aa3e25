// Tells caches whether published content may have changed. Changes made in this process are seen at once;
// changes made by another app server are seen within `recheckMs`, through the content_version setting.
import { readContentVersion } from "../content/content-version.js";
import type { Store } from "../storage/store.js";

export class ContentClock {
  private shared = 0;
  private checkedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly recheckMs = 1000,
  ) {}

  /** A value that changes whenever content may have changed. */
  async version(): Promise<string> {
    if (Date.now() - this.checkedAt > this.recheckMs) {
      this.pending ??= readContentVersion(this.store)
        .then((v) => {
          this.shared = v;
          this.checkedAt = Date.now();
        })
        .finally(() => {
          this.pending = undefined;
        });
      await this.pending;
    }
    return `${this.store.local.contentVersion}:${this.shared}`;
  }
}
