package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Lua 5.0's {@code pairs()} order over integer keys assigned in ascending order into a fresh table.
 *
 * <p>The sparse cases were traced by hand through Lua 5.0's {@code ltable.c} (v1.132). Main positions use
 * {@code hashnum(k)}: the high word of the double {@code k + 1} (its low word is 0 for these keys) modulo
 * {@code (size - 1) | 1}: for 3, 5, 6, 7, 9, 12, 13, 16 the high words are 0x40100000, 0x40180000, 0x401C0000,
 * 0x40200000, 0x40240000, 0x402A0000, 0x402C0000, 0x40310000; modulo 3 they give 2, 1, 2, 0, 1, 1, 0, 2 and
 * modulo 7 (for 3, 7, 12, 13, 16) 5, 2, 1, 5, 1. A rehash happens when the key just written leaves no node with an
 * empty key at or below {@code firstfree}; it sizes the array part {@code 2^n} for the largest n with at least
 * {@code 2^(n-1)} keys in {@code 1..2^n}, and the hash part {@code 2^(floor(log2 rest) + 1)} for the rest.
 * The same orders come out of a Lua 5.0 interpreter built from the 5.0 sources (checked outside this build).
 */
class LuaPairsOrderTest {

    private static List<Integer> order(Integer... keys) {
        return LuaPairsOrder.order(List.of(keys));
    }

    @Test
    void contiguousKeysFromOneComeOutAscending() {
        for (int n = 0; n <= 300; n++) {
            List<Integer> keys = IntStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
            assertEquals(keys, LuaPairsOrder.order(keys), "1.." + n);
        }
    }

    /**
     * {2,5,6,9}: 2 rehashes the empty table to array size 2 (one key in 1..2), hash 0; 5 and then 6 rehash to array 2
     * with a hash of 2 and then 4 nodes (5 at node 1 and 6 at node 2, mod 3); 9 (mod 3 = 1) collides with 5, which
     * is in its main position, and goes to firstfree = node 3. Traversal: array 2, nodes 5, 6, 9.
     */
    @Test
    void twoFiveSixNine() {
        assertEquals(List.of(2, 5, 6, 9), order(2, 5, 6, 9));
    }

    /**
     * {3,7,12,13,16}: never half full from 1, so no array part. After 3 and 7 (a rehash each) the hash has 4
     * nodes: 7 at node 0, 3 at node 2 (re-inserted last node first); 12 takes node 1; 13 (mod 3 = 0) collides
     * with 7 and takes node 3, leaving no free node: rehash to 8 nodes (mod 7), re-inserting 13 (node 5), 3 (mod 7
     * = 5, taken by 13 in its main position: firstfree node 7), 12 (node 1), 7 (node 2); 16 (mod 7 = 1) collides
     * with 12 and takes firstfree node 6. Nodes 1, 2, 5, 6, 7 hold 12, 7, 13, 16, 3.
     */
    @Test
    void threeSevenTwelveThirteenSixteen() {
        assertEquals(List.of(12, 7, 13, 16, 3), order(3, 7, 12, 13, 16));
    }

    /**
     * {1,2,3,10}: 1, 2 and 3 each rehash into the array part (sizes 1, 2, 4); 10 rehashes with array size 4 (3 of
     * the 4 candidates in 1..4, 10 alone in 9..16 is not enough for 16) and a 2-node hash: 1, 2, 3 then 10.
     */
    @Test
    void oneTwoThreeTen() {
        assertEquals(List.of(1, 2, 3, 10), order(1, 2, 3, 10));
    }

    /** {2,3,4,8,9,11,14,17}: array part 1..4 holds 2, 3, 4; the rest comes out in node order, not ascending. */
    @Test
    void aLargerSparseSetIsNotAscending() {
        assertEquals(List.of(2, 3, 4, 8, 14, 9, 11, 17), order(2, 3, 4, 8, 9, 11, 14, 17));
    }

    @Test
    void theInputOrderDoesNotMatterTheKeysAreAssignedAscending() {
        List<Integer> keys = new ArrayList<>(List.of(16, 3, 13, 7, 12));
        assertEquals(List.of(12, 7, 13, 16, 3), LuaPairsOrder.order(keys));
        Collections.reverse(keys);
        assertEquals(List.of(12, 7, 13, 16, 3), LuaPairsOrder.order(keys));
    }

    @Test
    void everyOrderIsAPermutationOfItsKeys() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int c = 0; c < 2000; c++) {
            int max = 1 + rnd.nextInt(c % 4 == 0 ? 500 : 40);
            int n = 1 + rnd.nextInt(Math.min(max, 60));
            TreeSet<Integer> keys = new TreeSet<>();
            while (keys.size() < n) {
                keys.add(1 + rnd.nextInt(max));
            }
            List<Integer> out = LuaPairsOrder.order(keys);
            assertEquals(keys.size(), out.size(), keys.toString());
            assertEquals(keys, new TreeSet<>(out), keys.toString());
        }
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LuaPairsOrder.order(List.of(2, 2)));
    }
}
