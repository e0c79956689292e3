// Types for the plain-JavaScript module Next loads from the file system (the tests import it).
export type TagEntry = { stale?: number; expired?: number };
export type TagStore = {
  hgetall(key: string): Promise<Record<string, string>>;
  multi(commands: readonly (readonly (string | number)[])[]): Promise<unknown>;
};
export type SharedTags = {
  refresh(): Promise<void>;
  publish(tags: string[]): Promise<void>;
  expire(tags: string[]): Promise<void>;
};
export function createSharedTags(deps: {
  redis: () => TagStore | undefined;
  prefix: () => string;
  manifest: Map<string, TagEntry>;
}): SharedTags;
export const sharedTags: SharedTags;
