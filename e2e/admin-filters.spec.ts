import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { apiLogin, DEMO_ADMIN, expect, test } from './fixtures/users';

// The admin listings' filter forms send every field, the untouched "Any" selects as empty values: those mean "any",
// and what was typed stays in the form.

test('the users filter finds a user by email with every select left at Any, and keeps the search', async ({
  page,
  credentials,
}) => {
  await apiLogin(page.request, DEMO_ADMIN);
  await page.goto('/admin/users');
  await page.getByLabel('Email or name').fill(credentials.email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]role=&/);
  const rows = page.getByRole('region', { name: 'Users' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(credentials.email);
  await expect(page.getByLabel('Email or name')).toHaveValue(credentials.email);
  await expectNoSeriousA11yViolations(page, '/admin/users (filtered)');
});

test('the audit filter finds a user’s entries with the action left at Any, and keeps what was typed', async ({
  page,
  credentials,
}) => {
  await apiLogin(page.request, DEMO_ADMIN);
  const listed = await page.request.get(`/api/admin/users?q=${encodeURIComponent(credentials.email)}`);
  expect(listed.status()).toBe(200);
  const [target] = (await listed.json()).items as { id: string }[];
  expect(target).toBeDefined();
  const changed = await page.request.patch(`/api/admin/users/${target?.id}`, { data: { tier: 'premium' } });
  expect(changed.status(), await changed.text()).toBe(200);

  await page.goto('/admin/audit');
  await page.getByLabel('User (email or id)').fill(credentials.email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]action=(&|$)/);
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Changed tier');
  await expect(page.getByLabel('User (email or id)')).toHaveValue(credentials.email);
});
