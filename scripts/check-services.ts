// Before the tests: one clear line per service that does not answer, instead of a stack trace from a test.
import { assertServicesUp } from './services';
import { testEnvironment } from '../test/env';

const env = testEnvironment('unit');
assertServicesUp({ databaseUrl: env.DATABASE_URL as string, redis: env.REDIS_URL as string }).catch(
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
