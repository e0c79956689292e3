import { describe, expect, it } from 'vitest';
import { auditQuerySchema, listUsersQuerySchema } from './schema';
import { parsePageParams } from './search-params';

describe('parsePageParams', () => {
  it('reads the empty "Any" selects of the users filter as no filter, and keeps the search', () => {
    const query = parsePageParams({ q: 'ann', role: '', tier: '', status: '' }, listUsersQuerySchema);
    expect(query).toMatchObject({ q: 'ann', page: 1 });
    expect(query.role).toBeUndefined();
    expect(query.tier).toBeUndefined();
    expect(query.status).toBeUndefined();
  });

  it('keeps the chosen filters beside the empty ones', () => {
    const query = parsePageParams({ q: '', role: 'admin', tier: '', status: 'banned' }, listUsersQuerySchema);
    expect(query).toMatchObject({ role: 'admin', status: 'banned' });
    expect(query.q).toBeUndefined();
  });

  it('drops only the value that does not parse', () => {
    const query = parsePageParams({ q: 'ann', role: 'emperor', page: 'two' }, listUsersQuerySchema);
    expect(query).toMatchObject({ q: 'ann', page: 1 });
    expect(query.role).toBeUndefined();
  });

  it('reads the audit filter the same way', () => {
    const query = parsePageParams({ actor: 'admin@example.com', target: '', action: '' }, auditQuerySchema);
    expect(query).toMatchObject({ actor: 'admin@example.com' });
    expect(query.action).toBeUndefined();
    expect(query.target).toBeUndefined();
  });
});
