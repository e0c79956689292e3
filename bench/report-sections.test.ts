import { describe, expect, it } from 'vitest';
import { findSection, replaceSection } from './report-sections';

describe('report sections', () => {
  const file = '# Benchmarks\n\nintro\n\n<!-- bench:load -->\nold\n<!-- /bench:load -->\n\n## After\n';

  it('replaces the section in place and keeps the rest of the file', () => {
    const written = replaceSection(file, 'bench:load', 'new $& text');
    expect(written).toBe(
      '# Benchmarks\n\nintro\n\n<!-- bench:load -->\nnew $& text\n<!-- /bench:load -->\n\n## After\n',
    );
    expect(findSection(written, 'bench:load')).toBe('<!-- bench:load -->\nnew $& text\n<!-- /bench:load -->');
  });

  it('adds the section at the end of a file that has none', () => {
    expect(findSection('# Benchmarks\n', 'bench:load')).toBeNull();
    expect(replaceSection('# Benchmarks\n', 'bench:load', 'first')).toBe(
      '# Benchmarks\n\n<!-- bench:load -->\nfirst\n<!-- /bench:load -->\n',
    );
  });
});
