import { fluent } from './fluentKit';
import { FormulaPreview } from '../FormulaPreview/FormulaPreview';
import { RatingGuide } from '../RatingGuide/RatingGuide';
import type { FormToolsState } from './FormTools.types';

const { Button } = fluent;

export function renderFormTools(state: FormToolsState) {
  const { classes: c } = state;
  return (
    <section className={c.root} aria-label={state.title}>
      <div className={c.head}>
        <h2 className={c.title}>{state.title}</h2>
        <Button size="small" appearance="subtle" onClick={state.onClose}>
          閉じる
        </Button>
      </div>
      {state.kind === 'formulas' ? <FormulaPreview host={state.host} /> : <RatingGuide host={state.host} />}
    </section>
  );
}
