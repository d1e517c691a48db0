/**
 * Which instance types count against the "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z)
 * instances" quota: the family letters before the generation digit are one of those (plus the I-family
 * variants im/is, e.g. im4gn, is4gen). HPC (hpc*), DL, Mac, high-memory (u-*), X, and accelerated
 * families (G, P, F, Inf, Trn, VT) have quotas of their own.
 */
const STANDARD_FAMILIES = new Set(['a', 'c', 'd', 'h', 'i', 'm', 'r', 't', 'z', 'im', 'is']);

/** True when an instance type counts against the Standard On-Demand vCPU quota (or, run as Spot, the Standard Spot one). */
export function isStandardInstanceType(instanceType: string): boolean {
  const family = /^([a-z]+)\d/.exec(instanceType.toLowerCase())?.[1];
  return family !== undefined && STANDARD_FAMILIES.has(family);
}
