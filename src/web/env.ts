// What the app knows for each request, set by app.ts and read by handlers.
import type { Site } from "../i18n/editions.js";
import type { Logger } from "../log.js";
import type { Store } from "../storage/store.js";

export interface AppEnv {
  Variables: {
    store: Store;
    log: Logger;
    site: Site;
    /** The public origin: the configured base URL, or the request's own. */
    origin: string;
  };
}
