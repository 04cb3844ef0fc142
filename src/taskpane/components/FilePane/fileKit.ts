// What the file mode's chunk takes from the pane's initial script, filled in there (lazyFilePane.ts) before the
// chunk loads: the recogniser and checks, the form report and the tools' loader. A module of the initial script
// that another chunk imports can no longer be scope-hoisted into it (webpack's module concatenation), and the
// Fluent modules such a module imports would then cost the initial script more than the whole file mode (as
// fluentKit.ts explains for the tools). Only types are imported here, so this module costs nothing to share.
import type { FileKit } from './lazyFilePane';

export const fileKit = {} as FileKit;
