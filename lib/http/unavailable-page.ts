import { noStore } from './no-store';

// What a private page says when nobody's session can be checked (Redis away). proxy.ts answers with this document
// and a real 503 before any rendering starts; the app's /session-unavailable page says the same inside the layout.

export const SESSION_UNAVAILABLE_TEXT = {
  title: "We can't verify your session right now",
  body:
    'Our session service is not answering, so we are not showing account pages, carts of signed-in members or ' +
    'checkout until it is back. Nothing was changed. The catalog is still open. Please try again in a moment.',
};

/** A complete, self-contained HTML page (no scripts, no user data) with status 503. */
export function sessionUnavailableDocument(): Response {
  const { title, body } = SESSION_UNAVAILABLE_TEXT;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Northwind Supply</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#fff}
main{max-width:36rem;margin:4rem auto;padding:0 1.5rem}
h1{font-size:1.25rem}
p{color:#334155;line-height:1.5}
a{display:inline-block;margin-right:1rem;font-weight:600;color:#1e40af}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${body}</p>
<p><a href="">Try again</a><a href="/">Keep browsing the shop</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: noStore({ 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '5' }),
  });
}
