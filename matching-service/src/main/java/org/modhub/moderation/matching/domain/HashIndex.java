package org.modhub.moderation.matching.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

/**
 * The bank's sha256 values in memory, for lookups in well under a microsecond: plain Java, no framework.
 *
 * <p>Each hash costs 36 bytes: four {@code long}s (the 32 bytes, big-endian, compared unsigned) and the {@code int}
 * id of the source that banked it, in immutable segments sorted by hash. A large segment (the bulk load) also has a
 * prefix table on the first 16 bits (256 KiB), so a lookup is one table read and a binary search among ~150
 * entries at ten million hashes; a small segment is searched whole. Ten million hashes take 360 MB; a
 * {@code HashSet<String>} of the same would take over 1.5 GB.
 *
 * <p>Sources come and go as a whole: a new source adds a segment (the segment list is copied on write, so readers
 * never lock); when more than {@link #MAX_SMALL_SEGMENTS} small segments pile up they are merged into one. A
 * withdrawn source only flips its flag: its hashes stay (withdrawn entries are still answered, marked inactive), so
 * withdrawing costs nothing and the record of what was once banked is kept. One writer at a time ({@code
 * synchronized}); readers see a consistent {@link State} through one volatile read.
 */
public final class HashIndex {

    /** Bytes of one hash. */
    public static final int HASH_BYTES = 32;

    /** Segments at least this large get a prefix table. */
    static final int PREFIX_TABLE_FROM = 1 << 16;

    /** Small segments tolerated before they are merged into one. */
    static final int MAX_SMALL_SEGMENTS = 8;

    private static final int PREFIX_BITS = 16;
    private static final int BUCKETS = 1 << PREFIX_BITS;
    private static final int INSERTION_SORT_BELOW = 16;
    private static final HexFormat HEX = HexFormat.of();

    private static final int[] NONE = new int[0];

    private volatile State state = new State(List.of(), new BitSet(), 0);

    /** What readers see: the segments, which sources are active, and how many entries there are. */
    private record State(List<Segment> segments, BitSet active, long entries) {}

    /** Adds a built segment (one or more sources' hashes) and marks its sources {@code active} or not. */
    public synchronized void add(Segment segment, int[] sourceIds, boolean active) {
        if (segment.size() == 0 && sourceIds.length == 0) {
            return;
        }
        State current = state;
        List<Segment> segments = new ArrayList<>(current.segments());
        if (segment.size() > 0) {
            segments.add(segment);
        }
        BitSet flags = (BitSet) current.active().clone();
        for (int id : sourceIds) {
            flags.set(id, active);
        }
        state = new State(mergeSmall(segments), flags, current.entries() + segment.size());
    }

    /** Marks a source active or withdrawn; its hashes stay indexed. */
    public synchronized void setActive(int sourceId, boolean active) {
        State current = state;
        if (current.active().get(sourceId) == active) {
            return;
        }
        BitSet flags = (BitSet) current.active().clone();
        flags.set(sourceId, active);
        state = new State(current.segments(), flags, current.entries());
    }

    public boolean isActive(int sourceId) {
        return state.active().get(sourceId);
    }

    /** Every source that banked {@code sha256} (lower-case hex), active or withdrawn, in no particular order. */
    public int[] sources(String sha256) {
        return sources(key(sha256));
    }

    /** Every source that banked the hash whose four longs are {@code key}, active or withdrawn. */
    public int[] sources(long[] key) {
        int[] found = new int[4];
        int count = 0;
        for (Segment segment : state.segments()) {
            int at = segment.find(key[0], key[1], key[2], key[3]);
            if (at < 0) {
                continue;
            }
            for (int i = at; i < segment.size() && segment.equalsAt(i, key); i++) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = segment.sources[i];
            }
        }
        return count == 0 ? NONE : Arrays.copyOf(found, count);
    }

    /** The active sources that banked {@code sha256}. */
    public int[] activeSources(String sha256) {
        // A loop, not a stream: this runs once per hash of every upload check, and a stream's set-up for an empty
        // array was a quarter of the check's CPU (bench, issue 25).
        BitSet active = state.active();
        int[] found = sources(sha256);
        int n = 0;
        for (int id : found) {
            if (active.get(id)) {
                found[n++] = id;
            }
        }
        return n == found.length ? found : Arrays.copyOf(found, n);
    }

    /** Whether an active source banked the hash. */
    public boolean containsActive(long[] key) {
        BitSet active = state.active();
        for (int id : sources(key)) {
            if (active.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** Entries held (a hash banked by two sources counts twice), active or withdrawn. */
    public long entries() {
        return state.entries();
    }

    /** Segments held (for stats and tests). */
    public int segments() {
        return state.segments().size();
    }

    /** Bytes the arrays take (36 per entry, plus prefix tables). */
    public long memoryBytes() {
        long bytes = 0;
        for (Segment s : state.segments()) {
            bytes += s.memoryBytes();
        }
        return bytes;
    }

    /** The four longs of a 64-digit hex sha256 (any case). */
    public static long[] key(String sha256) {
        if (sha256 == null || sha256.length() != 2 * HASH_BYTES) {
            throw new IllegalArgumentException("a sha256 has 64 hex digits");
        }
        long[] key = new long[4];
        for (int i = 0; i < 4; i++) {
            key[i] = HexFormat.fromHexDigitsToLong(sha256, i * 16, i * 16 + 16);
        }
        return key;
    }

    /** The lower-case hex of a key. */
    public static String hex(long k0, long k1, long k2, long k3) {
        return HEX.toHexDigits(k0) + HEX.toHexDigits(k1) + HEX.toHexDigits(k2) + HEX.toHexDigits(k3);
    }

    private static List<Segment> mergeSmall(List<Segment> segments) {
        List<Segment> small = segments.stream().filter(s -> s.prefix == null).toList();
        if (small.size() <= MAX_SMALL_SEGMENTS) {
            return List.copyOf(segments);
        }
        Builder merged = new Builder(small.stream().mapToInt(Segment::size).sum());
        for (Segment s : small) {
            for (int i = 0; i < s.size(); i++) {
                merged.add(s.keys[4 * i], s.keys[4 * i + 1], s.keys[4 * i + 2], s.keys[4 * i + 3], s.sources[i]);
            }
        }
        List<Segment> result =
                new ArrayList<>(segments.stream().filter(s -> s.prefix != null).toList());
        result.add(merged.build());
        return List.copyOf(result);
    }

    /** An immutable run of entries sorted by hash. */
    public static final class Segment {

        private final long[] keys;
        private final int[] sources;
        private final int size;
        private final int[] prefix;

        private Segment(long[] keys, int[] sources, int size, int[] prefix) {
            this.keys = keys;
            this.sources = sources;
            this.size = size;
            this.prefix = prefix;
        }

        public int size() {
            return size;
        }

        long memoryBytes() {
            return 8L * keys.length + 4L * sources.length + (prefix == null ? 0 : 4L * prefix.length);
        }

        /** The first index holding the key, or -1. */
        int find(long k0, long k1, long k2, long k3) {
            int lo = 0;
            int hi = size;
            if (prefix != null) {
                int bucket = (int) (k0 >>> (64 - PREFIX_BITS));
                lo = prefix[bucket];
                hi = prefix[bucket + 1];
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(keys, mid, k0, k1, k2, k3) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < size && compare(keys, lo, k0, k1, k2, k3) == 0 ? lo : -1;
        }

        boolean equalsAt(int i, long[] key) {
            return compare(keys, i, key[0], key[1], key[2], key[3]) == 0;
        }

        /** Calls {@code visitor} with each entry in hash order (exports). */
        public void forEach(EntryVisitor visitor) {
            for (int i = 0; i < size; i++) {
                visitor.visit(keys[4 * i], keys[4 * i + 1], keys[4 * i + 2], keys[4 * i + 3], sources[i]);
            }
        }
    }

    /** One entry of a segment. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long k0, long k1, long k2, long k3, int sourceId);
    }

    /**
     * Collects entries, then sorts them in place into a {@link Segment}: no second copy of the arrays, so loading ten
     * million hashes needs the 360 MB of the result and one chunk's buffer, not twice that. A large segment is sorted
     * by an in-place radix pass on the first 16 bits (American flag sort, which also yields the prefix table), then a
     * quicksort inside each bucket.
     */
    public static final class Builder {

        private long[] keys;
        private int[] sources;
        private int size;
        /** Whether every entry added so far came in order (not below the one before): then build() sorts nothing. */
        private boolean inOrder = true;

        /** A builder for about {@code expected} entries (it grows if more come). */
        public Builder(int expected) {
            int capacity = Math.max(16, expected);
            keys = new long[4 * capacity];
            sources = new int[capacity];
        }

        public int size() {
            return size;
        }

        public Builder add(long k0, long k1, long k2, long k3, int sourceId) {
            if (size == sources.length) {
                int capacity = sources.length + (sources.length >> 1);
                keys = Arrays.copyOf(keys, 4 * capacity);
                sources = Arrays.copyOf(sources, capacity);
            }
            int at = 4 * size;
            if (inOrder && size > 0 && compare(keys, size - 1, k0, k1, k2, k3) > 0) {
                inOrder = false;
            }
            keys[at] = k0;
            keys[at + 1] = k1;
            keys[at + 2] = k2;
            keys[at + 3] = k3;
            sources[size++] = sourceId;
            return this;
        }

        public Builder add(String sha256, int sourceId) {
            long[] k = key(sha256);
            return add(k[0], k[1], k[2], k[3], sourceId);
        }

        /** Adds {@code length / 32} raw hashes (as stored in {@code bank_chunk}) from {@code bytes}. */
        public Builder addRaw(byte[] bytes, int offset, int length, int sourceId) {
            if (length % HASH_BYTES != 0) {
                throw new IllegalArgumentException("raw hashes come in 32-byte units, not " + length + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            for (int i = 0; i < length / HASH_BYTES; i++) {
                add(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong(), sourceId);
            }
            return this;
        }

        /** Sorts what was added into a segment; the builder must not be used afterwards. */
        public Segment build() {
            long[] k = keys.length == 4 * size ? keys : Arrays.copyOf(keys, 4 * size);
            int[] s = sources.length == size ? sources : Arrays.copyOf(sources, size);
            keys = null;
            sources = null;
            int[] prefix = null;
            if (inOrder) {
                // The bank's chunks are stored sorted and read in order (one source's load): nothing to sort.
                prefix = size >= PREFIX_TABLE_FROM ? prefixOfSorted(k, size) : null;
            } else if (size >= PREFIX_TABLE_FROM) {
                prefix = radixByPrefix(k, s, size);
                for (int b = 0; b < BUCKETS; b++) {
                    quicksort(k, s, prefix[b], prefix[b + 1] - 1);
                }
            } else {
                quicksort(k, s, 0, size - 1);
            }
            return new Segment(k, s, size, prefix);
        }
    }

    // --- sorting entries of parallel arrays in place ---

    /** Puts every entry into the bucket of its first 16 bits, in place; returns the buckets' starts (and the end). */
    private static int[] radixByPrefix(long[] keys, int[] sources, int size) {
        int[] start = new int[BUCKETS + 1];
        for (int i = 0; i < size; i++) {
            start[bucket(keys, i) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            start[b + 1] += start[b];
        }
        int[] next = Arrays.copyOf(start, BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            while (next[b] < start[b + 1]) {
                int i = next[b];
                int target = bucket(keys, i);
                if (target == b) {
                    next[b]++;
                } else {
                    swap(keys, sources, i, next[target]++);
                }
            }
        }
        return start;
    }

    /** The buckets' starts (and the end) of entries already sorted. */
    private static int[] prefixOfSorted(long[] keys, int size) {
        int[] start = new int[BUCKETS + 1];
        for (int i = 0; i < size; i++) {
            start[bucket(keys, i) + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            start[b + 1] += start[b];
        }
        return start;
    }

    private static int bucket(long[] keys, int i) {
        return (int) (keys[4 * i] >>> (64 - PREFIX_BITS));
    }

    private static void quicksort(long[] keys, int[] sources, int lo, int hi) {
        while (hi - lo >= INSERTION_SORT_BELOW) {
            int mid = (lo + hi) >>> 1;
            // Median of three as pivot, moved to hi.
            if (compare(keys, mid, lo) < 0) {
                swap(keys, sources, mid, lo);
            }
            if (compare(keys, hi, lo) < 0) {
                swap(keys, sources, hi, lo);
            }
            if (compare(keys, mid, hi) < 0) {
                swap(keys, sources, mid, hi);
            }
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (compare(keys, i, hi) < 0) {
                    swap(keys, sources, i, store++);
                }
            }
            swap(keys, sources, store, hi);
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if (store - lo < hi - store) {
                quicksort(keys, sources, lo, store - 1);
                lo = store + 1;
            } else {
                quicksort(keys, sources, store + 1, hi);
                hi = store - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && compare(keys, j, j - 1) < 0; j--) {
                swap(keys, sources, j, j - 1);
            }
        }
    }

    private static int compare(long[] keys, int i, int j) {
        return compare(keys, i, keys[4 * j], keys[4 * j + 1], keys[4 * j + 2], keys[4 * j + 3]);
    }

    private static int compare(long[] keys, int i, long k0, long k1, long k2, long k3) {
        int at = 4 * i;
        int c = Long.compareUnsigned(keys[at], k0);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(keys[at + 1], k1);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(keys[at + 2], k2);
        return c != 0 ? c : Long.compareUnsigned(keys[at + 3], k3);
    }

    private static void swap(long[] keys, int[] sources, int i, int j) {
        if (i == j) {
            return;
        }
        int a = 4 * i;
        int b = 4 * j;
        for (int w = 0; w < 4; w++) {
            long t = keys[a + w];
            keys[a + w] = keys[b + w];
            keys[b + w] = t;
        }
        int t = sources[i];
        sources[i] = sources[j];
        sources[j] = t;
    }
}
