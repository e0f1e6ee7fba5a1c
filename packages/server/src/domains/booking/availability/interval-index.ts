// "Does [from, to) overlap anything?" in O(log n) for a fixed set of
// half-open intervals (appointments' buffered ranges, time off). Intervals
// may overlap each other; a prefix maximum of end times keeps the answer
// exact without relying on the database's no-overlap guarantee.

export interface Interval {
  from: number;
  to: number;
}

export class IntervalIndex {
  private readonly starts: Float64Array;
  private readonly maxEnds: Float64Array;

  constructor(intervals: readonly Interval[]) {
    const sorted = [...intervals].sort((a, b) => a.from - b.from);
    this.starts = new Float64Array(sorted.length);
    this.maxEnds = new Float64Array(sorted.length);
    let max = -Infinity;
    sorted.forEach((iv, i) => {
      max = Math.max(max, iv.to);
      this.starts[i] = iv.from;
      this.maxEnds[i] = max;
    });
  }

  get size(): number {
    return this.starts.length;
  }

  overlaps(from: number, to: number): boolean {
    // Last interval starting before `to`; any earlier one ending after `from` overlaps.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < to) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1]! > from;
  }
}
