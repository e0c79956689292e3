// `npm run demo` serves on PORT (and HOST, when one is given): mailed links and the JWT lab's callbacks must point
// there, not at a localhost the visitor's browser may not be on. SITE_URL, from the environment or an env file,
// still decides when it is set. Prints the address for scripts/demo.sh.
import { pathToFileURL } from 'node:url';
import { loadEnvConfig } from '@next/env';

// Listening on every interface names no address a link could use; the visitor on this machine still has localhost.
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export function demoSiteUrl(source: { SITE_URL?: string; HOST?: string; PORT?: string }): string {
  if (source.SITE_URL) return source.SITE_URL;
  const host = source.HOST && !WILDCARDS.has(source.HOST) ? source.HOST : 'localhost';
  const literal = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${literal}:${source.PORT || '3000'}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The env files as `next start` reads them, so a SITE_URL kept in .env.local counts as given.
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const { SITE_URL, HOST, PORT } = process.env;
  console.log(demoSiteUrl({ SITE_URL, HOST, PORT }));
}
