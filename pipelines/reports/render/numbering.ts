import { chineseNumber } from '../format.js';

/** Heading numbers of official documents: 一、 then （一） then 1. — each level restarts under its parent. */
export class Numbering {
  private counts = [0, 0, 0];

  next(level: 1 | 2 | 3): string {
    this.counts[level - 1] += 1;
    for (let k = level; k < 3; k++) this.counts[k] = 0;
    const n = this.counts[level - 1];
    if (level === 1) return `${chineseNumber(n)}、`;
    if (level === 2) return `（${chineseNumber(n)}）`;
    return `${n}.`;
  }
}
