// The tools' chunk reads Fluent's design tokens as CSS variables by name (fluentKit.ts) instead of taking
// Fluent's `tokens` object: this holds Fluent to that naming.
import { tokens } from '@fluentui/react-components';
import { tokens as toolTokens } from '../../../src/taskpane/components/FormTools/fluentKit';

test('every token but the z-index ones is the CSS variable of its own name, as the tools read it', () => {
  const read = toolTokens as unknown as Record<string, string>;
  const names = Object.keys(tokens).filter((n) => !n.startsWith('zIndex'));
  expect(names.length).toBeGreaterThan(400);
  for (const n of names) expect(read[n]).toBe(tokens[n as keyof typeof tokens]);
});
