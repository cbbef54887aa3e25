// An article's stored HTML links within the site by path ("/media/…", "/en/authors/…") and to its own notes
// by fragment ("#fn-1"). A feed is read away from the site, where neither resolves: both become absolute.
// The HTML is our own sanitised output, whose attributes are always double-quoted.

export function absoluteLinks(html: string, origin: string, pageUrl: string): string {
  const absolute = (url: string) =>
    url.startsWith("#") ? pageUrl + url : url.startsWith("/") && !url.startsWith("//") ? origin + url : url;
  return html
    .replace(
      / (href|src|cite)="([^"]*)"/g,
      (_, attribute: string, url: string) => ` ${attribute}="${absolute(url)}"`,
    )
    .replace(
      / srcset="([^"]*)"/g,
      (_, set: string) =>
        ` srcset="${set
          .split(",")
          .map((candidate) => absolute(candidate.trim()))
          .join(", ")}"`,
    );
}
