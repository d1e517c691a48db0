/** A fixed-size buffer keeping the most recent `capacity` items (for "recent errors"). */
export class RingBuffer<T> {
  private readonly items: T[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /** Add an item, dropping the oldest once full. */
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** The items, oldest first. */
  toArray(): T[] {
    return [...this.items];
  }
}
