import http from 'node:http';
import { answer, type Peer } from './types';

/** One peer behind a plain node:http server: GET /me is measured, POST /login and /logout drive it. */
export function createPeerServer(peer: Peer): http.Server {
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://peer.invalid');
    const route = `${request.method} ${url.pathname}`;
    const handled =
      route === 'GET /me'
        ? peer.me(request, response)
        : route === 'POST /login'
          ? peer.login(request, response, url.searchParams.get('user') ?? 'bench-user')
          : route === 'POST /logout'
            ? peer.logout(request, response)
            : Promise.resolve(answer(response, 404));
    handled.catch((error: Error) => {
      console.error(error);
      if (!response.headersSent)
        answer(response, 500, { error: { code: 'internal', message: error.message } });
      else response.end();
    });
  });
}

/** The Cookie request header a browser would send after this Set-Cookie answer. */
export function cookieFromSetCookie(setCookies: string[]): string {
  return setCookies
    .map((header) => header.split(';')[0]?.trim() ?? '')
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ');
}
