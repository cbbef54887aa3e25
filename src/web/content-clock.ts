// Tells caches whether published content may have changed. Changes made in this process are seen at once;
// changes made by another app server are seen within about `recheckMs`, through the content_version setting.
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

  /** A value that changes whenever content may have changed, reading the shared counter when due. */
  async version(): Promise<string> {
    if (this.isDue()) await this.refresh();
    return this.current();
  }

  /** The same without waiting: a due re-read starts in the background and counts from the next request. */
  versionNow(): string {
    if (this.isDue()) void this.refresh().catch(() => undefined);
    return this.current();
  }

  private current(): string {
    return `${this.store.local.contentVersion}:${this.shared}`;
  }

  private isDue(): boolean {
    return Date.now() - this.checkedAt > this.recheckMs;
  }

  private refresh(): Promise<void> {
    this.pending ??= readContentVersion(this.store)
      .then((v) => {
        this.shared = v;
        this.checkedAt = Date.now();
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
