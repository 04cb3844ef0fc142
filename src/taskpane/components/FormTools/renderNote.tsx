import { fluent } from './fluentKit';

const { MessageBar, MessageBarBody } = fluent;

/** A plain note in the tools: why a tool does not apply, or that file mode only shows. */
export function renderNote(text: string) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
