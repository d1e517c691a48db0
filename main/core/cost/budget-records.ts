import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../store/json-file';

const RecordSchema = z.object({
  account: z.string(),
  name: z.string(),
  topicArn: z.string().nullable(),
  emails: z.array(z.string()),
  /** True when this budget's create added Onramp's statement to the topic's policy. */
  addedStatement: z.boolean(),
  createdAt: z.number(),
});
/** What Onramp remembers of a budget it created. */
export type BudgetRecord = z.infer<typeof RecordSchema>;

const FileSchema = z.object({ version: z.literal(1), budgets: z.array(RecordSchema) });

/**
 * The budgets Onramp created, in `<dataDir>/budgets.json` (readable by the user only): which topic
 * each notifies and whether Onramp added the topic's statement, so a delete removes that statement
 * only when Onramp added it and no other of its budgets still uses the topic, and so a list can name
 * the subscribers where AWS Budgets cannot be asked (moto has no DescribeSubscribersForNotification).
 */
export class BudgetRecords {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.path = join(dataDir, 'budgets.json');
  }

  /** Every record of an account. */
  async list(account: string): Promise<BudgetRecord[]> {
    return (await this.read()).filter((r) => r.account === account);
  }

  /** The record of one budget, or null. */
  async get(account: string, name: string): Promise<BudgetRecord | null> {
    return (await this.list(account)).find((r) => r.name === name) ?? null;
  }

  /** Save (or replace) a record. */
  put(record: BudgetRecord): Promise<void> {
    return this.mutate((all) => [...all.filter((r) => !(r.account === record.account && r.name === record.name)), record]);
  }

  /** Forget a record. */
  remove(account: string, name: string): Promise<void> {
    return this.mutate((all) => all.filter((r) => !(r.account === account && r.name === name)));
  }

  private async read(): Promise<BudgetRecord[]> {
    const file = await readJsonFile(this.path, FileSchema).catch(() => null);
    return file?.kind === 'ok' ? file.value.budgets : [];
  }

  private mutate(change: (all: BudgetRecord[]) => BudgetRecord[]): Promise<void> {
    const run = this.queue.then(async () => {
      const next = change(await this.read());
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, budgets: next }, null, 2)}\n`);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
