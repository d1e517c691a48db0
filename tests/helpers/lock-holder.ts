// A separate process that holds Onramp resource locks until its stdin sends a line (or it is killed).
// Usage: node --import tsx tests/helpers/lock-holder.ts DIR NAME...
import { withResourceLock } from '../../main/core/setup/lock';

const [dir, ...names] = process.argv.slice(2);
void withResourceLock(
  names,
  () =>
    new Promise<void>((resolve) => {
      process.stdout.write('held\n');
      process.stdin.once('data', () => resolve());
    }),
  { dir },
).then(() => process.exit(0));
