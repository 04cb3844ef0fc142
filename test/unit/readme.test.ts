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
