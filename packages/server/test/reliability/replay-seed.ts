// A small seeded PRNG (mulberry32), so a failing kill schedule can be replayed
// with KILL_NINE_SEED=<seed> (the seed is in the test's name).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** KILL_NINE_SEED from the environment (a replay), else a fresh one. */
export function chooseSeed(): number {
  const given = process.env.KILL_NINE_SEED;
  if (given !== undefined && /^\d+$/.test(given)) return Number(given);
  return Math.floor(Math.random() * 2 ** 31);
}
