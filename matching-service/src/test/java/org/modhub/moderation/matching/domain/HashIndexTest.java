package org.modhub.moderation.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The in-memory bank alone: lookups, sources, withdrawal, merging, the sort, and what a hash costs. */
class HashIndexTest {

    @Test
    void aBankedHashIsFoundWithItsSourceAndAnUnknownOneIsNot() {
        HashIndex index = new HashIndex();
        index.add(new HashIndex.Builder(2).add(sha("a"), 7).add(sha("b"), 7).build(), new int[] {7}, true);

        assertThat(index.sources(sha("a"))).containsExactly(7);
        assertThat(index.activeSources(sha("b"))).containsExactly(7);
        assertThat(index.sources(sha("c"))).isEmpty();
    }

    @Test
    void upperCaseHexFindsTheSameHash() {
        HashIndex index = new HashIndex();
        index.add(new HashIndex.Builder(1).add(sha("a"), 1).build(), new int[] {1}, true);

        assertThat(index.sources(sha("a").toUpperCase())).containsExactly(1);
    }

    @Test
    void aWithdrawnSourceStaysKnownButNoLongerActive() {
        HashIndex index = new HashIndex();
        index.add(new HashIndex.Builder(1).add(sha("a"), 1).build(), new int[] {1}, true);
        index.add(new HashIndex.Builder(1).add(sha("a"), 2).build(), new int[] {2}, true);

        index.setActive(1, false);

        assertThat(index.sources(sha("a"))).containsExactlyInAnyOrder(1, 2);
        assertThat(index.activeSources(sha("a"))).containsExactly(2);
        index.setActive(2, false);
        assertThat(index.containsActive(HashIndex.key(sha("a")))).isFalse();
    }

    @Test
    void manySmallSourcesAreMergedAndEveryHashIsStillFound() {
        HashIndex index = new HashIndex();
        for (int source = 1; source <= 40; source++) {
            index.add(
                    new HashIndex.Builder(3)
                            .add(sha("s" + source + "-1"), source)
                            .add(sha("s" + source + "-2"), source)
                            .add(sha("shared"), source)
                            .build(),
                    new int[] {source},
                    true);
        }

        assertThat(index.segments()).isLessThanOrEqualTo(HashIndex.MAX_SMALL_SEGMENTS + 1);
        assertThat(index.entries()).isEqualTo(120);
        for (int source = 1; source <= 40; source++) {
            assertThat(index.sources(sha("s" + source + "-2"))).containsExactly(source);
        }
        assertThat(index.sources(sha("shared"))).hasSize(40);
    }

    @Test
    void aLargeSegmentIsSortedByPrefixAndFindsEveryHashItWasGiven() {
        int n = HashIndex.PREFIX_TABLE_FROM * 3 + 17;
        byte[] raw = new byte[n * HashIndex.HASH_BYTES];
        new Random(42).nextBytes(raw);
        // A few entries sharing a prefix and the first long, to exercise the comparison of later words.
        ByteBuffer.wrap(raw, 32, 8).putLong(ByteBuffer.wrap(raw, 0, 8).getLong());
        HashIndex index = new HashIndex();
        index.add(new HashIndex.Builder(n).addRaw(raw, 0, raw.length, 3).build(), new int[] {3}, true);

        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            String sha = hex.formatHex(raw, i * 32, i * 32 + 32);
            assertThat(index.sources(sha)).as("hash %d", i).containsExactly(3);
        }
        assertThat(index.sources(sha("not there"))).isEmpty();
    }

    @Test
    void hashesThatArriveInOrderAreFoundWithoutSortingAndOneOutOfOrderStillSortsThem() {
        int n = HashIndex.PREFIX_TABLE_FROM * 2 + 5;
        Random random = new Random(11);
        byte[][] hashes = new byte[n][HashIndex.HASH_BYTES];
        for (byte[] h : hashes) {
            random.nextBytes(h);
        }
        java.util.Arrays.sort(hashes, java.util.Arrays::compareUnsigned);
        // As the bank stores them: sorted chunks in order (the last one short), one hash banked twice in a row.
        hashes[1] = hashes[0].clone();
        HexFormat hex = HexFormat.of();
        HashIndex.Builder inOrder = new HashIndex.Builder(n);
        HashIndex.Builder lastOutOfOrder = new HashIndex.Builder(n);
        for (int from = 0; from < n; from += 4096) {
            int to = Math.min(n, from + 4096);
            byte[] chunk = new byte[(to - from) * HashIndex.HASH_BYTES];
            for (int i = from; i < to; i++) {
                System.arraycopy(hashes[i], 0, chunk, (i - from) * HashIndex.HASH_BYTES, HashIndex.HASH_BYTES);
            }
            inOrder.addRaw(chunk, 0, chunk.length, 5);
            lastOutOfOrder.addRaw(chunk, 0, chunk.length, 5);
        }
        lastOutOfOrder.addRaw(hashes[n / 2], 0, HashIndex.HASH_BYTES, 6);
        HashIndex sorted = new HashIndex();
        sorted.add(inOrder.build(), new int[] {5}, true);
        HashIndex resorted = new HashIndex();
        resorted.add(lastOutOfOrder.build(), new int[] {5, 6}, true);

        for (int i = 0; i < n; i++) {
            String sha = hex.formatHex(hashes[i]);
            assertThat(sorted.sources(sha)).as("hash %d", i).contains(5);
            assertThat(resorted.sources(sha)).as("hash %d", i).contains(5);
        }
        assertThat(sorted.sources(hex.formatHex(hashes[0]))).containsExactly(5, 5);
        assertThat(resorted.sources(hex.formatHex(hashes[n / 2]))).containsExactlyInAnyOrder(5, 6);
        assertThat(sorted.sources(sha("not there"))).isEmpty();
        assertThat(sorted.entries()).isEqualTo(n);
    }

    @Test
    void aHashCostsAboutThirtySixBytes() {
        int n = 1_000_000;
        byte[] raw = new byte[n * HashIndex.HASH_BYTES];
        new Random(7).nextBytes(raw);
        HashIndex index = new HashIndex();
        long start = System.nanoTime();
        index.add(new HashIndex.Builder(n).addRaw(raw, 0, raw.length, 1).build(), new int[] {1}, true);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(index.memoryBytes() / (double) n).isLessThan(37.0);
        // Ten million must sort in seconds; one million in well under one even on a slow CI core.
        assertThat(millis).isLessThan(3_000);
    }

    static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
