// Roles and what each may do. Routes ask for a permission, never for a role, so that what a role may do is
// written here once.

export const ROLES = ["writer", "translator", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  /** Write and edit articles (a writer their own, a translator in their languages, editors all). */
  | "write"
  /** Upload images and documents. */
  | "media"
  /** Send back, schedule, publish, withdraw, correct any article; edit persons, topics, series. */
  | "publish"
  /** Readers' letters. */
  | "inbox"
  /** Accounts, invitations, the audit log. */
  | "accounts";

const GRANTS: Record<Role, readonly Permission[]> = {
  writer: ["write", "media"],
  translator: ["write", "media"],
  editor: ["write", "media", "publish", "inbox"],
  admin: ["write", "media", "publish", "inbox", "accounts"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
