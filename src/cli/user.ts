// `broadside user add`: creates an account and prints its one-time password, which its owner must change at
// first log-in. The way in for the first admin of a new publication.
import { createAccount } from "../accounts/accounts.js";
import { loadConfig } from "../config.js";
import { InvalidError } from "../errors.js";
import { openStore } from "../storage/store.js";
import { parseFlags } from "./args.js";

const HELP = `Usage: broadside user add --email E --role admin|editor|writer|translator
                          [--name "Full Name"] [--languages de,fr] [--data ./data]

Creates an account and prints a one-time password. Its owner logs in at /admin/login and must choose a
password of their own at once. A translator needs --languages: the editions they may write in.
`;

export async function runUser(args: string[]): Promise<void> {
  const parsed = parseFlags(
    args,
    {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      languages: { type: "string" },
      data: { type: "string" },
    },
    HELP,
  );
  if (!parsed) return;
  const [action, ...extra] = parsed.positionals;
  if (action !== "add" || extra.length > 0) {
    throw new InvalidError(`expected "broadside user add --email E --role R"; run "broadside user --help"`);
  }
  const { email, role, name, languages } = parsed.flags;
  if (typeof email !== "string" || typeof role !== "string") {
    throw new InvalidError("--email and --role are required");
  }
  const store = await openStore(loadConfig(parsed.flags));
  try {
    const { account, password } = await createAccount(store, {
      email,
      role,
      name: typeof name === "string" ? name : "",
      languages:
        typeof languages === "string"
          ? languages
              .split(",")
              .map((l) => l.trim())
              .filter(Boolean)
          : [],
    });
    process.stdout.write(
      `Created ${account.role} ${account.email}.\nOne-time password: ${password}\nLog in at /admin/login; a new password is asked for at once.\n`,
    );
  } finally {
    await store.close();
  }
}
