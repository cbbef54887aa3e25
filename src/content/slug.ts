// URL slugs from titles, in any script: letters and digits kept, everything else a single hyphen.

const MAX_SLUG = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’'ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG) return slug || "untitled";
  const cut = slug.slice(0, MAX_SLUG);
  return cut.slice(0, cut.lastIndexOf("-") > 40 ? cut.lastIndexOf("-") : MAX_SLUG).replace(/-+$/, "");
}

export function isValidSlug(slug: string): boolean {
  return (
    slug.length > 0 && slug.length <= 200 && /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(slug)
  );
}

/** The first of `base`, `base-2`, `base-3`… that `taken` says is free. */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
