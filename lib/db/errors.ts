// Whether a Prisma error means PostgreSQL could not be reached (down, cut off, out of connections), as opposed to
// a query the database refused. Such a failure is answered 503, like a missing Redis, never a 500.

const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

// Prisma's own connection codes: can't reach, timed out, server closed the connection.
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1017']);

// pg's errors that carry no code: its connect timeout (DATABASE_CONNECT_TIMEOUT_MS) and a socket cut mid-query.
const UNREACHABLE_MESSAGE = /timeout exceeded when trying to connect|Connection terminated/i;

type PrismaLike = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, meta } = error as Error & PrismaLike;
  const kind = meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === 'string' && UNREACHABLE_KINDS.has(kind)) return true;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  return (
    UNREACHABLE_MESSAGE.test(error.message) ||
    (error.cause instanceof Error && isDatabaseUnavailable(error.cause))
  );
}

// The refusals the app answers itself (Prisma's query engine codes): a unique or foreign-key constraint, no row.
const REFUSAL_CODES = { unique: 'P2002', foreignKey: 'P2003', notFound: 'P2025' } as const;

/** Whether the database refused a query for this reason (a taken email, a user with orders, a missing row). */
export function isDatabaseRefusal(error: unknown, reason: keyof typeof REFUSAL_CODES): boolean {
  return typeof error === 'object' && error !== null && (error as PrismaLike).code === REFUSAL_CODES[reason];
}
