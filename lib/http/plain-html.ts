// A self-contained HTML answer for what is refused before any page renders: no script, nothing
// internal, the app's look in a few lines of CSS. No Next.js import: the custom server sends it too.

export type PlainPageContent = { title: string; message: string };

export const plainPageHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

export function plainPageHtml(content: PlainPageContent): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${content.title} · IT Assets Manager</title>
<style>body{font-family:system-ui,sans-serif;background:#f5f6f8;color:#1c2230;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:1.5rem;max-width:420px}</style></head>
<body><main><h1>${content.title}</h1><p>${content.message}</p></main></body></html>`;
}
