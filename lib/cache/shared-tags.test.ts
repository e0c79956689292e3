import { describe, expect, it, vi } from 'vitest';
import { testPrefix, unreachableRedis, useRedis } from '@/test/redis';
import { createSharedTags, type TagEntry } from './shared-tags.mjs';

// Two processes are two manifests here: what one instance expires, the other takes on its next refresh.

describe('cache tags shared through Redis', () => {
  const redis = useRedis('tcp');

  function instance(prefix: string, port = redis()) {
    const manifest = new Map<string, TagEntry>();
    return { manifest, tags: createSharedTags({ redis: () => port, prefix: () => prefix, manifest }) };
  }

  it('gives another instance a tag expired on one, and keeps the newer of two expiries', async () => {
    const prefix = testPrefix('cache-tags');
    const [a, b] = [instance(prefix), instance(prefix)];
    a.manifest.set('product:mug', { expired: 2_000, stale: 2_000 });
    await a.tags.publish(['product:mug', 'never-expired']);
    b.manifest.set('product:mug', { expired: 1_000 });
    b.manifest.set('products', { expired: 5_000 });
    await b.tags.refresh();
    expect(b.manifest.get('product:mug')).toEqual({ expired: 2_000, stale: 2_000 });
    expect(b.manifest.get('products')).toEqual({ expired: 5_000 });
    expect(b.manifest.has('never-expired')).toBe(false);

    // An older expiry never replaces a newer one.
    b.manifest.set('product:mug', { expired: 9_000, stale: 9_000 });
    await b.tags.refresh();
    expect(b.manifest.get('product:mug')).toEqual({ expired: 9_000, stale: 9_000 });
    expect(await redis().pttl(`${prefix}next-cache:tags`)).toBeGreaterThan(0);
  });

  it('expires tags here and in Redis before it returns: the other instance takes them on its next refresh', async () => {
    const prefix = testPrefix('cache-tags');
    const [a, b] = [instance(prefix), instance(prefix)];
    a.manifest.set('products', { expired: 1 });
    const before = Math.round(performance.timeOrigin + performance.now());
    await a.tags.expire(['product:mug', 'products']);
    const mug = a.manifest.get('product:mug');
    expect(mug?.expired).toBeGreaterThanOrEqual(before);
    expect(mug?.stale).toBe(mug?.expired);
    expect(a.manifest.get('products')).toEqual(mug);
    await b.tags.refresh();
    expect(b.manifest.get('product:mug')).toEqual(mug);
    expect(b.manifest.get('products')).toEqual(mug);
  });

  it('keeps to its own expiries, without failing, when Redis is away or not made yet', async () => {
    const dead = unreachableRedis('tcp');
    try {
      const away = instance(testPrefix('cache-tags'), dead);
      away.manifest.set('products', { expired: 1 });
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        await expect(away.tags.publish(['products'])).resolves.toBeUndefined();
        expect(log).toHaveBeenCalledOnce();
      } finally {
        log.mockRestore();
      }
      await expect(away.tags.refresh()).resolves.toBeUndefined();
      expect(away.manifest.get('products')).toEqual({ expired: 1 });
    } finally {
      await dead.close();
    }
    const manifest = new Map<string, TagEntry>([['products', { expired: 1 }]]);
    const none = createSharedTags({ redis: () => undefined, prefix: () => 'x:', manifest });
    await none.refresh();
    await none.publish(['products']);
    expect(manifest.get('products')).toEqual({ expired: 1 });
  });
});
