// `next build` for the end-to-end run: the build prerenders the catalog (generateStaticParams, cached pages), so it
// reads the e2e database and key prefix the server will use, not the demo's.
import { spawnSync } from 'node:child_process';
import { testEnvironment } from '../test/env';

const result = spawnSync('npx', ['next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, ...testEnvironment('e2e') },
});
process.exit(result.status ?? 1);
