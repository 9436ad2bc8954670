/**
 * Splits `total` whole items over shares with the given weights: one each first (when `total` allows), the rest by
 * largest remainder (Hamilton). Ties go to the earlier share, so the result is deterministic. Zero weights get zero.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const eligible = weights.map((w) => w > 0);
  const eligibleCount = eligible.filter(Boolean).length;
  if (eligibleCount === 0 || total <= 0) return weights.map(() => 0);
  const floor = total >= eligibleCount ? 1 : 0;
  const counts = eligible.map((isEligible): number => (isEligible ? floor : 0));
  const rest = total - floor * eligibleCount;
  const weightSum = weights.reduce((sum, w) => sum + (w > 0 ? w : 0), 0);
  const quotas = weights.map((w) => (w > 0 ? (rest * w) / weightSum : 0));
  quotas.forEach((q, i) => (counts[i] = (counts[i] ?? 0) + Math.floor(q)));
  const byRemainder = quotas
    .map((q, i) => ({ i, remainder: q - Math.floor(q) }))
    .filter(({ i }) => eligible[i])
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = total - counts.reduce((sum, c) => sum + c, 0);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}
