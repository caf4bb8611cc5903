// HTML escaping for text we place in markup ourselves (portal pages, search highlights, imported plain text).
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
