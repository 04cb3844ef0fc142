// The Fluent UI pieces the tools' chunk uses (with the pane's own Chip and Toggle, drawn like Fluent's Badge and
// Switch), filled in by the initial script (lazyFormTools.ts) before the chunk loads. The chunk takes them from here rather than importing '@fluentui/react-components': a module of the
// initial script imported from another chunk can no longer be scope-hoisted into it (webpack's module
// concatenation), and the Fluent modules shared with the tools would then add ~7 KB to the initial script.
// Only types are imported here, so this module costs nothing to share. A piece the tools start to use is added
// in lazyFormTools.ts (the compiler says which).
import type { tokens as fluentTokens } from '@fluentui/react-components';
import type { FluentKit } from './lazyFormTools';

export const fluent = {} as FluentKit;

/**
 * Fluent's design tokens as the tools use them. Each token is the CSS variable of the same name that the pane's
 * FluentProvider sets (`tokens.spacingVerticalM` is "var(--spacingVerticalM)"; a test holds Fluent to it), so
 * the tools need not take the `tokens` object: handed over whole, its ~470 entries would all stay in the
 * initial script, where the minifier otherwise keeps only the ones used. The z-index tokens carry fallbacks and
 * are left out.
 */
export const tokens = new Proxy({}, { get: (_, name) => `var(--${String(name)})` }) as Omit<
  typeof fluentTokens,
  `zIndex${string}`
>;
