// Flag parsing shared by the commands: unknown flags are bad input, and --help prints the command's text.
import { parseArgs } from "node:util";
import { InvalidError } from "../errors.js";

export type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

export function parseFlags(args: string[], options: Options, help: string) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new InvalidError(`${(error as Error).message}\n\n${help}`);
  }
  if (parsed.values.help) {
    process.stdout.write(help);
    return undefined;
  }
  return {
    flags: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
}
