// What each of the lab's three APIs answers: the same shape, so the page can lay them side by side.

export type LabAnswer = {
  user: { id: string; email: string; role: string; tier: string; banned: boolean };
  issuedAt: string;
  expiresAt: string;
  /** Redis round trips this answer cost. */
  redisLookups: number;
};

export const LAB_NO_STORE = { 'Cache-Control': 'no-store' } as const;
