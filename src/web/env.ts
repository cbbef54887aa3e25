// What the app knows for each request, set by app.ts and read by handlers.
import type { ContactSettings } from "../contact/messages.js";
import type { Site } from "../i18n/editions.js";
import type { Logger } from "../log.js";
import type { Mailer } from "../mail/mailer.js";
import type { Store } from "../storage/store.js";

export interface AppEnv {
  Variables: {
    store: Store;
    log: Logger;
    site: Site;
    /** The public origin: the configured base URL, or the request's own. */
    origin: string;
    /** The configured base URL only: links in mails must not come from a request's Host header. */
    baseUrl: string | undefined;
    /** SMTP, when configured. */
    mailer: Mailer | undefined;
    contact: ContactSettings;
    /** Whether X-Forwarded-For is ours to believe (BROADSIDE_TRUST_PROXY). */
    trustProxy: boolean;
  };
}
