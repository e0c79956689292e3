import { answer, type PeerDefinition } from './types';

/** The ceiling: no check at all, the same JSON answer. */
export const noCheck: PeerDefinition = {
  id: 'none',
  label: 'no check (ceiling)',
  staleFor: 'forever (nothing is checked)',
  stateful: false,
  async start() {
    return {
      me: async (_request, response) => answer(response, 200, { id: 'anyone' }),
      login: async (_request, response, userId) => {
        response.setHeader('set-cookie', `user=${encodeURIComponent(userId)}; Path=/; HttpOnly`);
        answer(response, 204);
      },
      logout: async (_request, response) => answer(response, 204),
      close: async () => {},
    };
  },
};
