import { fluent } from './fluentKit';

const { MessageBar, MessageBarBody, MessageBarTitle } = fluent;

/** A plain note in the tools: why a tool does not apply, or that file mode only shows. */
export function renderNote(text: string) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** Why something did not happen: what, and the Japanese reason. */
export function renderProblem(title: string, text: string) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
