import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// lib/ in floors that only point down (shared/STYLE.md): ground, then session, then the domains, then the OpenAPI
// document on top. A file may import its own floor and those below; a file that needs a higher floor is in the
// wrong room. Tests may reach anywhere to seed or call (nothing imports them), so they are not held to this.
const GROUND = [
  'lib/env.ts',
  'lib/env-defaults.ts',
  'lib/access',
  'lib/cache',
  'lib/db',
  'lib/http',
  'lib/mail',
  'lib/pricing',
  'lib/rate-limit',
  'lib/redis',
  'lib/tokens',
];
const SESSION = ['lib/session'];
const DOMAINS = [
  'lib/admin',
  'lib/auth',
  'lib/cart',
  'lib/catalog',
  'lib/health',
  'lib/lab',
  'lib/lifecycle',
  'lib/orders',
  'lib/payments',
  'lib/users',
  'lib/visitor',
];
const TOP = ['lib/openapi'];
const FLOORS = [GROUND, SESSION, DOMAINS, TOP];

const pathsOf = (folders) =>
  folders.map((folder) => (folder.endsWith('.ts') ? `./${folder}` : `./${folder}/**`));
const climbingZones = FLOORS.slice(0, -1).flatMap((floor, index) => {
  const above = FLOORS.slice(index + 1).flat();
  return [
    {
      target: pathsOf(floor),
      from: pathsOf(above),
      message: 'lib/ floors only point down (shared/STYLE.md).',
    },
  ];
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ['lib/**/*.{ts,tsx,mjs,mts}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...climbingZones,
            {
              target: './lib/**',
              from: ['./app/**', './components/**'],
              message: 'lib/ never imports app/ or components/.',
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      'lib/db/generated/**',
      'playwright-report/**',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
