import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { readCookie } from '@/lib/session';
import { answer, signedOut, type PeerContext, type PeerDefinition } from './types';

// A session table in PostgreSQL read by primary key (SHA-256 of the token), the classic database session, through a
// pool and a named prepared statement.

const COOKIE = 'dbsid';
const TTL = '7 days';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const pool = (context: PeerContext) => new pg.Pool({ connectionString: context.databaseUrl, max: 10 });

export const pgTable: PeerDefinition = {
  id: 'pg-table',
  label: 'PostgreSQL session table, by primary key',
  staleFor: null,
  stateful: true,
  async prepare(context) {
    const client = pool(context);
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench_sessions (token_hash text PRIMARY KEY, user_id text NOT NULL, expires_at timestamptz NOT NULL)',
    );
    await client.end();
  },
  async start(context) {
    const db = pool(context);
    return {
      me: async (request, response) => {
        const token = readCookie(request.headers.cookie ?? null, COOKIE);
        const { rows } = token
          ? await db.query<{ user_id: string }>({
              name: 'bench-session-by-token',
              text: 'SELECT user_id FROM bench_sessions WHERE token_hash = $1 AND expires_at > now()',
              values: [hash(token)],
            })
          : { rows: [] };
        if (rows[0]) answer(response, 200, { id: rows[0].user_id });
        else signedOut(response);
      },
      login: async (_request, response, userId) => {
        const token = randomBytes(32).toString('base64url');
        await db.query(`INSERT INTO bench_sessions VALUES ($1, $2, now() + interval '${TTL}')`, [
          hash(token),
          userId,
        ]);
        response.setHeader('set-cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`);
        answer(response, 204);
      },
      logout: async (request, response) => {
        const token = readCookie(request.headers.cookie ?? null, COOKIE);
        if (token) await db.query('DELETE FROM bench_sessions WHERE token_hash = $1', [hash(token)]);
        answer(response, 204);
      },
      close: () => db.end(),
    };
  },
  seededCookie: (_context, index) => `${COOKIE}=seed-${index}`,
  // One INSERT ... SELECT over generate_series: the server makes the rows, nothing crosses the wire.
  async seed(context, from, to) {
    const db = pool(context);
    await db.query(
      `INSERT INTO bench_sessions
         SELECT encode(sha256(('seed-' || i)::bytea), 'hex'), 'seed-user-' || (i / 10), now() + interval '${TTL}'
         FROM generate_series($1::int, $2::int) AS i`,
      [from, to - 1],
    );
    await db.query('ANALYZE bench_sessions');
    await db.end();
  },
};
