// A session as Redis keeps it: one string, a JSON array
//   [localId, createdAt, lastSeenAt, expiresAt, persistent (1 or 0), ip | null, device | null,
//    provedAt | null, impersonatorId | null]
// Records written before the last two elements existed (7 elements) read as null for both.
// A string, not a hash, so the check reads it with the user record in one MGET (no script: Redis spends about a
// microsecond on it, against 13 for the script it replaced, docs/benchmarks.md), and a short one: with the device's
// name instead of its User-Agent header it stays near 100 bytes. The Lua scripts that pick sessions by id read
// element 1 alone (lua.ts).

export type StoredSession = {
  /** The random part of the public id (keys.ts, sessionPublicId). */
  localId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  persistent: boolean;
  ip: string | null;
  device: string | null;
  /** When this session last proved its password (sign-in, re-authentication): what step-up checks. */
  provedAt: number | null;
  /** The admin acting as this user, for a session an impersonation opened. */
  impersonatorId: string | null;
};

export function encodeSession(session: StoredSession): string {
  return JSON.stringify([
    session.localId,
    session.createdAt,
    session.lastSeenAt,
    session.expiresAt,
    session.persistent ? 1 : 0,
    session.ip,
    session.device,
    session.provedAt,
    session.impersonatorId,
  ]);
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isOptionalString = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

/** The session a stored string holds; throws a TypeError for anything encodeSession did not write. */
export function decodeSession(value: string): StoredSession {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || (parsed.length !== 7 && parsed.length !== 9))
    throw new TypeError('Corrupt session record in Redis');
  const [
    localId,
    createdAt,
    lastSeenAt,
    expiresAt,
    persistent,
    ip,
    device,
    provedAt = null,
    impersonatorId = null,
  ] = parsed as unknown[];
  if (
    typeof localId !== 'string' ||
    !isTime(createdAt) ||
    !isTime(lastSeenAt) ||
    !isTime(expiresAt) ||
    (persistent !== 0 && persistent !== 1) ||
    !isOptionalString(ip) ||
    !isOptionalString(device) ||
    !(provedAt === null || isTime(provedAt)) ||
    !isOptionalString(impersonatorId)
  ) {
    throw new TypeError('Corrupt session record in Redis');
  }
  return {
    localId,
    createdAt,
    lastSeenAt,
    expiresAt,
    persistent: persistent === 1,
    ip,
    device,
    provedAt,
    impersonatorId,
  };
}
