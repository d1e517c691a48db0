import { Fragment } from 'react';

/**
 * A name split where a line may break without cutting a word: after ":", "/", "-", "_", ".", "@" and
 * "=", and between a lower-case letter and an upper-case one (BodoPlatform|User).
 */
export function nameParts(value: string): string[] {
  return value.split(/(?<=[:/\-_.@=])|(?<=[a-z0-9])(?=[A-Z])/);
}

/** A long resource name that wraps only between its words (never "BodoPlatformUs|er"). */
export function BreakableName({ value }: { value: string }) {
  return (
    <code style={{ overflowWrap: 'anywhere', wordBreak: 'normal' }}>
      {nameParts(value).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
