import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession, type StoredSession } from './record';

const stored: StoredSession = {
  localId: 'abcdefghijklmnopqrstuv',
  createdAt: 1_700_000_000_000,
  lastSeenAt: 1_700_000_060_000,
  expiresAt: 1_702_592_000_000,
  persistent: true,
  ip: '203.0.113.7',
  device: 'Firefox 133 on Linux',
  provedAt: 1_700_000_000_000,
  impersonatorId: 'admin-id',
};

describe('session record', () => {
  it('reads back what it wrote', () => {
    expect(decodeSession(encodeSession(stored))).toEqual(stored);
    const plain = { ...stored, provedAt: null, impersonatorId: null };
    expect(decodeSession(encodeSession(plain))).toEqual(plain);
  });

  it('reads a record written before provedAt and impersonatorId as neither', () => {
    const old = JSON.stringify([stored.localId, 1, 2, 3, 0, null, null]);
    expect(decodeSession(old)).toMatchObject({ provedAt: null, impersonatorId: null, persistent: false });
  });

  it('refuses any other shape', () => {
    const fields = JSON.parse(encodeSession(stored)) as unknown[];
    for (const bad of [
      JSON.stringify(fields.slice(0, 8)),
      JSON.stringify([...fields, null]),
      JSON.stringify([...fields.slice(0, 7), 'yesterday', null]),
      JSON.stringify([...fields.slice(0, 8), 42]),
      'not json',
    ]) {
      expect(() => decodeSession(bad), bad).toThrow(TypeError);
    }
  });
});
