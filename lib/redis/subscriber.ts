import { createIoredisClient, type TcpRedisConfig } from './tcp';

// Pub/sub needs a connection of its own: a subscribed connection can run no other command. One per process is
// enough: callers fan messages out in memory. The REST transport has no subscribe (HTTP requests are one-shot), so
// there is no subscriber there and callers fall back to polling.

export type MessageListener = (message: string) => void;

export interface RedisSubscriber {
  /** Subscribes on first use of a channel; the returned function removes this listener (and unsubscribes last). */
  subscribe(channel: string, listener: MessageListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * On Redis Cluster the Cluster client subscribes on one node; a PUBLISH on any node reaches every node's subscribers
 * over the cluster bus. Subscriptions are restored on reconnect (ioredis' autoResubscribe); listeners never see
 * the gap, because the subscriber's commands wait for the connection instead of failing fast.
 */
export function createTcpSubscriber(config: TcpRedisConfig): RedisSubscriber {
  const client = createIoredisClient(config, { subscriber: true });
  client.on('error', () => {});
  const listeners = new Map<string, Set<MessageListener>>();
  client.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });

  return {
    async subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.subscribe(channel);
      }
      set.add(listener);
      return async () => {
        const current = listeners.get(channel);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(channel);
        await client.unsubscribe(channel).catch(() => {});
      };
    },
    async close() {
      listeners.clear();
      // QUIT only on a live connection: queued behind a reconnect it would wait for Redis to come back.
      if (client.status !== 'ready') {
        client.disconnect();
        return;
      }
      await client.quit().catch(() => client.disconnect());
    },
  };
}
