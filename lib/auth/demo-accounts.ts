type DemoAccount = { email: string; name: string; password: string; role: 'admin' | 'shopper' };

/** The demo accounts named in the README. Their passwords are published: never live in a real deployment. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@example.com', name: 'Ada Admin', password: 'demo-admin-pass', role: 'admin' },
  { email: 'shopper@example.com', name: 'Sam Shopper', password: 'demo-shopper-pass', role: 'shopper' },
];
