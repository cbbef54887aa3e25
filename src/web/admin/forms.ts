// Reading admin forms: a body parsed once, checked by a zod schema, refused with a message naming the field.
import type { Context } from "hono";
import { z } from "zod";
import { InvalidError } from "../../errors.js";

/** A row's id in a form or an address: a positive integer within PostgreSQL's `integer`. */
export const recordId = z.coerce.number().int().positive().max(2_147_483_647);

/** The form's fields (urlencoded or multipart), checked by `schema`; the CSRF field is not part of it. */
export async function readForm<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const body = await c.req.parseBody({ all: true });
  const { _csrf: _, ...fields } = body;
  return checked(schema, fields);
}

export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new InvalidError("the request body is not JSON");
  }
  return checked(schema, value);
}

export function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "form";
  throw new InvalidError(`${field}: ${issue?.message ?? "is not valid"}`);
}

/** A form's checkbox list or repeated field, as an array whatever the browser sent. */
export function many(value: unknown): string[] {
  if (value === undefined || value === "") return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === "string" && v !== "",
  );
}
