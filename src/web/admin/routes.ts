// The admin's route table. Log-in and invitations are open; everything else passes the gate in guard.ts
// (a live session, the CSRF token on every state-changing request) and names the permission it needs.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { TooLargeError } from "../../errors.js";
import type { AppEnv } from "../env.js";
import { accountRoutes } from "./accounts.js";
import { articleRoutes } from "./articles.js";
import { directoryRoutes } from "./directory.js";
import type { AdminEnv } from "./env.js";
import { checkCsrf, withSession } from "./guard.js";
import { inboxRoutes } from "./inbox.js";
import { mediaRoutes } from "./media.js";
import { quotationRoutes } from "./quotations.js";
import { sessionRoutes } from "./session.js";
import { sourcePageRoutes } from "./source.js";
import { sourceRoutes } from "./sources.js";
import { workflowRoutes } from "./workflow.js";

/** The largest request the admin reads: an upload. Each form checks its own fields' limits. */
export const MAX_ADMIN_BODY = 40 * 1024 * 1024;

export function adminRoutes(app: Hono<AppEnv>): void {
  // Routes are matched in the order they are added: these answer before the gate below is reached.
  const open = new Hono<AppEnv>();
  const smallForm = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new TooLargeError("the form is larger than 64 KB");
    },
  });
  open.use("/login", smallForm);
  open.use("/invitations/*", smallForm);
  sessionRoutes(open);
  app.route("/admin", open);

  const admin = new Hono<AdminEnv>();
  admin.use(
    bodyLimit({
      maxSize: MAX_ADMIN_BODY,
      onError: () => {
        throw new TooLargeError(`the request is larger than ${MAX_ADMIN_BODY / 1024 / 1024} MB`);
      },
    }),
  );
  admin.use(withSession, checkCsrf);
  admin.get("/", (c) => c.redirect("/admin/articles", 303));
  accountRoutes(admin);
  workflowRoutes(admin);
  mediaRoutes(admin);
  inboxRoutes(admin);
  articleRoutes(admin);
  sourceRoutes(admin);
  sourcePageRoutes(admin);
  quotationRoutes(admin);
  directoryRoutes(admin);
  app.route("/admin", admin);
}
