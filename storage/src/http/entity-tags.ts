/** The tags of an `If-None-Match` / `If-Match` header, weak ones compared as strong. */
export function entityTags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}
