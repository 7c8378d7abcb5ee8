import { nearestCentroids, sumCentroids } from './centroids.js';
import type { Kernel } from './row-task.js';

/** The kernels a row team's workers can run, by name (tasks name their kernel; functions cannot be posted). */
export const ROW_KERNELS: ReadonlyMap<string, Kernel<never>> = new Map(
  ([nearestCentroids, sumCentroids] as Kernel<never>[]).map((k) => [k.name, k]),
);
