import { describe, expect, it } from 'vitest';
import { assertLocal } from './env';

describe('the tests guard', () => {
  it('allows only services on this machine', () => {
    for (const url of [
      'postgresql://postgres@127.0.0.1:5432/x',
      'redis://localhost:6379',
      'redis://[::1]:6379',
    ]) {
      expect(() => assertLocal(url, 'service')).not.toThrow();
    }
  });

  it('refuses any other host', () => {
    for (const url of [
      'postgresql://postgres@db.example.com:5432/x',
      'redis://10.0.0.5:6379',
      'redis://192.168.1.2',
    ]) {
      expect(() => assertLocal(url, 'service')).toThrow(/Refusing to run tests/);
    }
  });
});
