package org.convergence4j.study;

/**
 * The K-th of N deterministic parts of a list of runs, for spreading one study over several processes or machines
 * that share a results folder: run i (0-based, in the study's seed-major order) belongs to part i mod N + 1.
 *
 * @param index K, 1-based
 * @param count N
 */
public record Shard(int index, int count) {

    /** The whole list. */
    public static final Shard ALL = new Shard(1, 1);

    /** @throws IllegalArgumentException unless 1 ≤ K ≤ N */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 ≤ K ≤ N, got " + index + "/" + count);
        }
    }

    /**
     * The shard written {@code K/N}, e.g. {@code 2/4}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not a shard; write K/N with 1 ≤ K ≤ N, e.g. 1/4");
    }

    /** Whether the run at {@code position} (0-based) of the list is in this part. */
    public boolean contains(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
