import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// docs/benchmarks.md is written by more than one bench: `npm run bench` writes the whole file, `npm run bench:load`
// owns one section between its markers. Each keeps what the other wrote.

export const BENCHMARKS_FILE = 'docs/benchmarks.md';

export type SectionName = 'bench:load';

const markers = (name: SectionName) => ({ start: `<!-- ${name} -->`, end: `<!-- /${name} -->` });

/** The section with its markers, or null when the file has none. */
export function findSection(markdown: string, name: SectionName): string | null {
  const { start, end } = markers(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end, from);
  return from === -1 || to === -1 ? null : markdown.slice(from, to + end.length);
}

/** The file with the section's content replaced in place, or added at the end when it has none yet. */
export function replaceSection(markdown: string, name: SectionName, content: string): string {
  const { start, end } = markers(name);
  const section = `${start}\n${content.trim()}\n${end}`;
  const existing = findSection(markdown, name);
  if (existing) return markdown.replace(existing, () => section);
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

/** Writes the section into docs/benchmarks.md, keeping the rest of the file. */
export function writeSection(name: SectionName, content: string, heading = '# Benchmarks\n'): void {
  const markdown = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : heading;
  writeFileSync(BENCHMARKS_FILE, replaceSection(markdown, name, content));
}

/** The sections other benches own in the current file, to put back when `npm run bench` writes it anew. */
export function keptSections(): string[] {
  if (!existsSync(BENCHMARKS_FILE)) return [];
  const markdown = readFileSync(BENCHMARKS_FILE, 'utf8');
  const section = findSection(markdown, 'bench:load');
  return section ? [section] : [];
}
