import 'server-only';
import { getRedisSubscriber, type RedisSubscriber } from '@/lib/redis';
import { getSessionStore } from '@/lib/session/store';
import { parseUserEvent, type UserEvent } from '@/lib/access/events';

// Open tabs learn of a change of their user through Redis pub/sub: every change publishes {userId, kind} on one
// channel (in the same Lua step that writes it), and each server process holds ONE subscriber connection whose
// messages it hands to the listeners of that user only. A listener re-reads its session on every event: the
// event says "look again", never what to believe.

type UserEventListener = (event: UserEvent) => void;

interface UserEventHub {
  /** Calls `listener` for every event of this user (and no other) until the returned function is called. */
  listen(userId: string, listener: UserEventListener): Promise<() => void>;
}

export function createUserEventHub(subscriber: RedisSubscriber, channel: string): UserEventHub {
  const listeners = new Map<string, Set<UserEventListener>>();
  let subscribed: Promise<unknown> | undefined;

  function dispatch(message: string) {
    const event = parseUserEvent(message);
    if (!event) return;
    for (const listener of listeners.get(event.userId) ?? []) listener(event);
  }

  return {
    async listen(userId, listener) {
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      // One subscription for the whole process, kept for its life; a failed attempt is retried by the next listener.
      subscribed ??= subscriber.subscribe(channel, dispatch).catch((error: unknown) => {
        subscribed = undefined;
        throw error;
      });
      try {
        await subscribed;
      } catch (error) {
        set.delete(listener);
        throw error;
      }
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
      };
    },
  };
}

const globalForHub = globalThis as unknown as { storefrontUserEvents?: UserEventHub | null };

/** The process's hub, or null where Redis has no pub/sub (REST): the page polls instead. */
export function getUserEventHub(): UserEventHub | null {
  if (globalForHub.storefrontUserEvents === undefined) {
    const subscriber = getRedisSubscriber();
    globalForHub.storefrontUserEvents =
      subscriber && createUserEventHub(subscriber, getSessionStore().userEventsChannel);
  }
  return globalForHub.storefrontUserEvents;
}
