import net from 'node:net';
import pg from 'pg';

// One clear line when a service is down, instead of a stack trace from deep inside a client.

const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const START_REDIS =
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function postgresAnswers(url: string): Promise<string | null> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(url: string): Promise<string | null> {
  const parsed = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: parsed.hostname, port: Number(parsed.port || 6379) });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(3000, () => done('timed out'));
    socket.once('error', (error) => done(error.message));
    socket.once('connect', () => {
      const password = decodeURIComponent(parsed.password);
      const auth = password ? `AUTH ${decodeURIComponent(parsed.username) || 'default'} ${password}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (data) => {
      const text = data.toString();
      if (text.includes('+PONG')) done(null);
      else if (text.startsWith('-')) done(text.trim());
    });
  });
}

export async function assertServicesUp(options: {
  databaseUrl: string;
  redis: string | false;
}): Promise<void> {
  const problems: string[] = [];
  const pgProblem = await postgresAnswers(options.databaseUrl);
  if (pgProblem) {
    problems.push(
      `PostgreSQL at ${redact(options.databaseUrl)} does not answer (${pgProblem}). Start it: ${START_POSTGRES}`,
    );
  }
  if (options.redis) {
    const redisProblem = await redisAnswers(options.redis);
    if (redisProblem) {
      problems.push(
        `Redis at ${redact(options.redis)} does not answer (${redisProblem}). Start it: ${START_REDIS}`,
      );
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
