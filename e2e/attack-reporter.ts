import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// Adds up the attacks the security suite tried (each test notes its count as an "attacks" annotation) and says,
// at the end of the run, how many were tried and whether any got through: a failed test of the suite is one
// that did, whether or not it got as far as noting its count.

const SUITE = 'security.spec.ts';

class AttackReporter implements Reporter {
  private tried = 0;
  private through: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!test.location.file.endsWith(SUITE)) return;
    this.tried += test.annotations
      .filter((annotation) => annotation.type === 'attacks')
      .reduce((sum, annotation) => sum + Number(annotation.description ?? 0), 0);
    if (result.status === 'failed' || result.status === 'timedOut') this.through.push(test.title);
  }

  onEnd(): void {
    if (!this.tried && !this.through.length) return;
    const verdict = this.through.length
      ? `${this.through.length} test(s) failed, so an attack may have got through: ${this.through.join('; ')}`
      : 'none got through';
    console.log(`Security suite: ${this.tried} attacks tried, ${verdict}.`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

export default AttackReporter;
