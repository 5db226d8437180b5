package samlab.data;

/**
 * A small pseudo-random generator with a fixed, documented algorithm (SplitMix64, Steele, Lea and
 * Flood 2014), so that shuffles and augmentations from a seed are the same on every JDK: the JDK's
 * generators do not promise their bounded-integer algorithms across versions.
 */
public final class SeededRandom {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform integer in [0, bound), without modulo bias (rejection of the short last band).
     *
     * @param bound the exclusive upper bound, &gt; 0
     * @return the integer
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, not " + bound);
        long limit = (1L << 32) - ((1L << 32) % bound); // largest multiple of bound not above 2^32
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** A fair coin. */
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** A generator for stream {@code index} of {@code seed} (e.g. one per epoch), independent of the others. */
    public static SeededRandom derived(long seed, long index) {
        // Mix the pair through one SplitMix64 step each so that nearby (seed, index) pairs differ widely.
        long a = new SeededRandom(seed).nextLong();
        long b = new SeededRandom(a ^ index * GOLDEN).nextLong();
        return new SeededRandom(b);
    }

    /**
     * A uniformly random permutation of 0..n-1 (Fisher–Yates).
     *
     * @param n the length, ≥ 0
     * @return a new array holding each of 0..n-1 once
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public int[] permutation(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be non-negative, not " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The visiting order for epoch {@code epoch} of a run with seed {@code seed} over {@code n} items. */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return derived(seed, epoch).permutation(n);
    }
}
