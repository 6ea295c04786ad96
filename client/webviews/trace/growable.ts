/** A typed-array column that grows by doubling, so that appending a chunk costs its own length. */
export class GrowableColumn<A extends Int32Array | Float32Array> {
    private data: A;
    private used = 0;

    constructor(private readonly make: (length: number) => A) {
        this.data = make(1024);
    }

    get length(): number {
        return this.used;
    }

    /** The filled part, without a copy; valid until the next append. */
    view(): A {
        return this.data.subarray(0, this.used) as A;
    }

    append(values: ArrayLike<number>): void {
        const needed = this.used + values.length;
        if (needed > this.data.length) {
            let size = this.data.length;
            while (size < needed) size *= 2;
            const bigger = this.make(size);
            bigger.set(this.data.subarray(0, this.used));
            this.data = bigger;
        }
        this.data.set(values, this.used);
        this.used = needed;
    }
}
