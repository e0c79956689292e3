// `npm run bench:load` (bench/load-run.sh): a mixed shopper workload (bench/shoppers/workload.ts) against two
// `next start` instances sharing the bench database and the shared Redis, then the checks (bench/shoppers/checks.ts)
// on what was answered and what PostgreSQL holds. The result replaces the bench:load section of
// docs/benchmarks.md; the exit status is non-zero when a check fails. Options are environment variables, listed in
// docs/benchmarking.md#options. Only 127.0.0.1 is spoken to; the Redis keys it made are deleted at the end.
import { randomBytes } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { DEFAULT_REDIS_URL } from '../lib/env-defaults';
import { startNextInstance, type Instance } from '../scripts/next-instance';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';
import { assertLocal, ONE_CLIENT_LIMITS } from '../test/env';
import { loadAverage, machineLines, serviceVersions } from './machine';
import { writeSection } from './report-sections';
import {
  failedAnswers,
  reconcileOrders,
  reconcileStock,
  servedAfterBan,
  type CountByRoute,
  type RequestRecord,
} from './shoppers/checks';
import { ordersBetween, readSnapshot, restock, stockOf } from './shoppers/database';
import { count, countsByRouteText, loadReport, type Check } from './shoppers/report';
import { runWorkload, type WorkloadResult } from './shoppers/workload';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const settings = {
  seconds: number('BENCH_LOAD_SECONDS', 60),
  shoppers: number('BENCH_LOAD_SHOPPERS', 20),
  banEverySeconds: number('BENCH_LOAD_BAN_EVERY_SECONDS', 3),
  stockFactor: number('BENCH_LOAD_STOCK_FACTOR', 10),
  ports: (process.env.BENCH_LOAD_PORTS ?? '3210,3211').split(',').map(Number),
};
const databaseUrl =
  process.env.BENCH_LOAD_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storefront_bench_load';
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin') as (typeof DEMO_ACCOUNTS)[number];

/** What each instance serves the first time is loaded from disk: asked once before the clock starts. */
async function warmUp(instance: Instance, slug: string, category: string): Promise<void> {
  for (const path of [
    '/',
    `/categories/${category}`,
    `/products/${slug}`,
    '/api/products',
    '/api/session',
    '/login',
  ])
    await (await fetch(`${instance.url}${path}`, { redirect: 'manual' })).text();
}

function serverErrorLines(instances: Instance[]): string[] {
  return instances.flatMap((instance) =>
    instance
      .output()
      .split('\n')
      .filter((line) => /error/i.test(line))
      .slice(0, 20)
      .map((line) => `${instance.url}: ${line}`),
  );
}

function checksOf(
  workload: WorkloadResult,
  start: Awaited<ReturnType<typeof readSnapshot>>,
  end: typeof start,
): Check[] {
  const { serverErrors, noAnswer } = failedAnswers(workload.requests);
  const { made, released } = ordersBetween(start, end);
  const orders = reconcileOrders(workload.checkouts, made);
  const paid = made.filter((order) => order.status === 'paid');
  const stock = reconcileStock(stockOf(start), stockOf(end), paid, released);
  const bans = servedAfterBan(workload.bans, workload.requests);
  const describe = (request: RequestRecord) => {
    const ban = workload.bans.find((b) => b.userId === request.userId && b.status === 200);
    const after = request.startedAt - (ban?.returnedAt ?? 0);
    return `\`${request.route}\` to port ${settings.ports[request.instance]} by user ${request.userId}, started ${after.toFixed(1)} ms after the ban returned: ${request.status}`;
  };
  const instancesUsed = settings.ports.map(
    (_, index) => workload.requests.filter((r) => r.instance === index).length,
  );
  const total = (counts: CountByRoute) => counts.reduce((sum, { count: n }) => sum + n, 0);
  return [
    {
      name: 'no 5xx answer',
      result: serverErrors.length
        ? `${count(total(serverErrors))}: ${countsByRouteText(serverErrors)}`
        : 'none',
      passed: serverErrors.length === 0,
      problems: workload.requests
        .filter((request) => request.status >= 500)
        .map(
          (request) =>
            `\`${request.route}\` to port ${settings.ports[request.instance]} at ${((request.startedAt - workload.startedAt) / 1000).toFixed(1)} s: ${request.status} ${request.detail ?? ''}`,
        ),
    },
    {
      name: 'every request answered',
      result: noAnswer.length
        ? `${count(total(noAnswer))} without an answer: ${countsByRouteText(noAnswer)}`
        : 'all',
      passed: noAnswer.length === 0,
      problems: [],
    },
    {
      name: 'both instances served traffic',
      result: instancesUsed.map((n, index) => `port ${settings.ports[index]}: ${count(n)}`).join(', '),
      passed: instancesUsed.every((n) => n > 0),
      problems: [],
    },
    {
      name: 'every 201 checkout is exactly one paid order row, and no other row was made',
      result: `${count(orders.answered)} orders answered, ${count(orders.rows)} rows made; ${count(orders.repeatedKeys)} keys sent twice answered one order each`,
      passed: orders.problems.length === 0 && orders.answered > 0,
      problems: orders.problems,
    },
    {
      name: 'stock at the end = stock at the start − units in paid orders, for every product',
      result: `${stock.products} products, ${count(stock.unitsSold)} units sold${released.length ? `, ${released.length} earlier reservations released` : ''}`,
      passed: stock.problems.length === 0,
      problems: stock.problems,
    },
    {
      name: 'no banned user served after the ban returned',
      result: `${bans.bannedUsers} users banned (${workload.bans.length} ban calls); ${count(bans.checked)} of their requests started after the ban returned, ${bans.served.length} served (before the ban, ${count(bans.servedBefore)} were)`,
      passed:
        bans.bannedUsers > 0 &&
        bans.bannedUsers === workload.bans.length &&
        bans.checked > 0 &&
        bans.served.length === 0,
      problems: bans.served.map(describe),
    },
  ];
}

async function main(): Promise<number> {
  assertLocal(databaseUrl, 'PostgreSQL');
  assertLocal(redisUrl, 'Redis');
  const loadAtStart = loadAverage();
  const versions = await serviceVersions(redisUrl, databaseUrl);
  const prefix = `sf-bench-load:${randomBytes(4).toString('hex')}:`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    // Both instances seal and open the same cookies, as behind one load balancer.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    PAYMENTS_JWT_SECRET: randomBytes(32).toString('base64url'),
    // The seed made the demo admin the workload signs in as.
    DEMO_ACCOUNTS: 'on',
    // Every shopper signs up from 127.0.0.1: the site-wide brake on sign-ups from one unknown client would
    // measure itself, not the shop.
    SLOWDOWN_FREE_PER_MINUTE: '1000000',
    ...ONE_CLIENT_LIMITS,
    // A shopper comes back visit after visit, each ending in a checkout (some declined), faster than any person.
    CHECKOUTS_PER_USER_PER_HOUR: '1000000',
    CARD_DECLINES_PER_USER_PER_HOUR: '1000000',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const instances: Instance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.terminate()));
    await deleteKeysWithPrefix(redisUrl, prefix);
  };
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  let workload: WorkloadResult;
  let start: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    await restock(databaseUrl, settings.stockFactor);
    start = await readSnapshot(databaseUrl);
    for (const port of settings.ports) instances.push(await startNextInstance({ env, port }));
    const sample = start.products[0];
    if (!sample) throw new Error('The bench database has no products: was it seeded?');
    for (const instance of instances) await warmUp(instance, sample.slug, sample.categorySlug);
    console.log(
      `bench:load: ${settings.seconds} s, ${settings.shoppers} shoppers against ${instances.map((i) => i.url).join(' and ')}`,
    );
    workload = await runWorkload({
      urls: instances.map((instance) => instance.url),
      seconds: settings.seconds,
      shoppers: settings.shoppers,
      banEverySeconds: settings.banEverySeconds,
      products: start.products,
      admin,
    });
    // SIGTERM drains what is still in flight, so the database is final before it is read.
    await Promise.all(instances.map((instance) => instance.terminate()));
  } catch (error) {
    for (const line of serverErrorLines(instances)) console.error(line);
    throw error;
  } finally {
    await stop();
  }
  const end = await readSnapshot(databaseUrl);
  const checks = checksOf(workload, start, end);
  const report = loadReport({ machine: machineLines(loadAtStart, versions), settings, workload, checks });
  writeSection('bench:load', report);
  console.log(report);
  if (checks.some((check) => !check.passed)) {
    console.error('bench:load: a check failed. Server lines that mention an error:');
    for (const line of serverErrorLines(instances)) console.error(line);
    return 1;
  }
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
