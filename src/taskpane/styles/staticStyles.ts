// The pane's own styles as plain CSS, written once per component when its styles are first used. Fluent's
// components bring their styles compiled ahead of time; Griffel's makeStyles over our own style objects would
// bring its run-time compiler too (resolveStyleRules, rtl-css-js, stylis: about 6 KB of the pane's initial script
// gzipped, `npm run bench`). Our rules are few, left to right, and need none of that.
import type { CSSProperties } from 'react';

/** A class's declarations (React's camelCase names), and pseudo-classes of it (':hover', ':focus-visible'). */
export type StyleRule = CSSProperties & { [pseudo: `:${string}`]: CSSProperties };

const kebab = (prop: string): string => prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Numbers are written as they are: the pane uses them only where CSS takes a bare number (0, flex-grow). */
function declarations(rule: CSSProperties): string {
  return Object.entries(rule)
    .filter(([prop, v]) => !prop.startsWith(':') && v !== undefined)
    .map(([prop, v]) => `${kebab(prop)}:${String(v)}`)
    .join(';');
}

/**
 * Like Griffel's makeStyles: a hook that gives each rule's class name, here "msk-<scope>-<rule>". The selector
 * names the class twice so that it outweighs the single-class rules Fluent's components insert after it (a
 * className handed to a Fluent Button must win, as mergeClasses would make it). Where two of these classes meet
 * on one element, the rule written later wins.
 */
export function makeStaticStyles<K extends string>(scope: string, rules: Record<K, StyleRule>): () => Record<K, string> {
  let classes: Record<K, string> | null = null;
  return () => {
    if (classes) return classes;
    const made = {} as Record<K, string>;
    const css: string[] = [];
    for (const key of Object.keys(rules) as K[]) {
      const name = `msk-${scope}-${key}`;
      made[key] = name;
      const selector = `.${name}.${name}`;
      const rule = rules[key];
      css.push(`${selector}{${declarations(rule)}}`);
      for (const [pseudo, inner] of Object.entries(rule)) {
        if (pseudo.startsWith(':')) css.push(`${selector}${pseudo}{${declarations(inner as CSSProperties)}}`);
      }
    }
    const style = document.createElement('style');
    style.dataset.styles = scope;
    style.textContent = css.join('\n');
    document.head.append(style);
    classes = made;
    return classes;
  };
}

/** Class names for one element, the later ones winning (see makeStaticStyles). */
export function joinClasses(...names: string[]): string {
  return names.join(' ');
}
