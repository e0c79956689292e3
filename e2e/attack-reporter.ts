import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// Adds up what the security suite and the API fuzz run tried (each test notes its count as an annotation) and says,
// at the end of the run, how many and whether anything got through: a failed test of either is one where something
// did, whether or not it got as far as noting its count.

type Tally = {
  file: string;
  annotation: string;
  say: (tried: number, verdict: string) => string;
  passed: string;
  tried: number;
  through: string[];
};

const TALLIES: Tally[] = [
  {
    file: 'security.spec.ts',
    annotation: 'attacks',
    say: (tried, verdict) => `Security suite: ${tried} attacks tried, ${verdict}.`,
    passed: 'none got through',
    tried: 0,
    through: [],
  },
  {
    file: 'api-fuzz.spec.ts',
    annotation: 'fuzz cases',
    say: (tried, verdict) => `API fuzz: ${tried} cases tried from the OpenAPI document, ${verdict}.`,
    passed: 'every answer as documented',
    tried: 0,
    through: [],
  },
];

class AttackReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    const tally = TALLIES.find(({ file }) => test.location.file.endsWith(file));
    if (!tally) return;
    tally.tried += test.annotations
      .filter((annotation) => annotation.type === tally.annotation)
      .reduce((sum, annotation) => sum + Number(annotation.description ?? 0), 0);
    if (result.status === 'failed' || result.status === 'timedOut') tally.through.push(test.title);
  }

  onEnd(): void {
    for (const tally of TALLIES) {
      if (!tally.tried && !tally.through.length) continue;
      const verdict = tally.through.length
        ? `${tally.through.length} test(s) failed, so something may have got through: ${tally.through.join('; ')}`
        : tally.passed;
      console.log(tally.say(tally.tried, verdict));
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}

export default AttackReporter;
