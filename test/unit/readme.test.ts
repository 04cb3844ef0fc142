// The README is what a new user reads first: it must list every rule the checker runs.
import { readFileSync } from 'fs';
import * as path from 'path';
import { BATCH_RULES } from '../../src/core/batch';
import { RULES } from '../../src/core/rules';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it.each([...new Set(RULES.map((r) => r.id))])('lists rule %s', (id) => {
    expect(readme).toContain(`| ${id} |`);
  });
  it.each(Object.values(BATCH_RULES).map((r) => r.id))('lists the batch rule %s of mishukin report', (id) => {
    expect(readme).toContain(`| ${id} |`);
  });
  it('gives the main command and the test command', () => {
    expect(readme).toContain('npx mishukin check examples/');
    expect(readme).toContain('npm test');
  });
});

describe('README for a newcomer on a fresh machine', () => {
  const aptLine = (text: string) => (/apt-get install -y([^\n#&|>]*)/.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean).sort();

  it('gives, next to npm test, the one apt-get line for what the suites need (the packages CI installs)', () => {
    const start = readme.indexOf('## はじめかた');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(section).toContain('npm test');
    const ci = readFileSync(path.join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    expect(aptLine(section)).toEqual(['chromium', 'fonts-noto-cjk', 'libreoffice-calc-nogui', 'poppler-utils']);
    expect(aptLine(section)).toEqual(aptLine(ci.replace(/-qq /g, '')));
  });

  it('says each thing about the add-in once', () => {
    const count = (s: string) => readme.split(s).length - 1;
    expect(count('- 「数式を入れる」:')).toBe(1);
    expect(count('- 「評価ガイド」:')).toBe(1);
    expect(count('](docs/screenshot-formulas.png)')).toBe(1);
  });
});
