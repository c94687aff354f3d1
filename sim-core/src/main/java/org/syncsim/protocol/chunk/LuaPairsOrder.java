package org.syncsim.protocol.chunk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The order in which Lua 5.0's {@code pairs()} (that is, {@code next} / {@code luaH_next}) visits the integer keys
 * of a fresh table {@code t = {}} into which those keys were stored in ascending order by plain assignment
 * ({@code t[k] = {...}}): what {@code SendAllSections} does with {@code neededChunking} before sending the chunk
 * transfers of a push ({@code Sync.lua:878-1154}, spec §6(e) step 4, §12.2). WoW 1.12 runs Lua 5.0, not 5.1.
 *
 * <p>The model replays Lua 5.0's table implementation ({@code ltable.c,v 1.132 2003/04/03}, as shipped in the
 * Lua 5.0 distribution; read from {@code lua-5.0/src/ltable.c} and {@code lobject.c} ({@code luaO_log2}) of the
 * Lua 5.0 tree vendored in the public repository {@code tomidery/moonwiki}, commit {@code 81a803dc}), for number
 * keys only. A table has an array part (keys {@code 1..sizearray}) and a hash part of {@code 2^lsize} nodes
 * ({@code lsize = 0}: one shared dummy node). A new key that is not in the array part goes to its main position,
 * {@code hashnum}: the double {@code k + 1}, read as two 32-bit words that are added (mod 2^32) and taken modulo
 * {@code (size - 1) | 1}. If that node is taken, the colliding key is moved to the free node {@code firstfree}
 * when it is not in its own main position (the new key then takes the main position), else the new key goes to
 * {@code firstfree} and is chained behind it. {@code firstfree} starts at the last node and only moves down past
 * nodes whose key is set; when the new key was written and no node with an empty key is left at or below it, the
 * table is rehashed with the new key counted: {@code numuse}/{@code computesizes} choose the array size as the
 * largest power of two {@code 2^n} with at least {@code 2^(n-1)} of the integer keys in {@code 1..2^n} (0 if no
 * such n), the hash part gets {@code 2^(floor(log2 rest) + 1)} nodes for the remaining {@code rest} keys, and
 * the old array slice that vanishes and then the old nodes from the last to the first are inserted again.
 * {@code next} visits the array part {@code 1..sizearray}, then the nodes in index order. Contiguous keys
 * {@code 1..n} all end in the array part and come out ascending; sparse ones generally do not. The sum of the two
 * words does not depend on byte order, so the order is the same on any platform with IEEE doubles.
 */
public final class LuaPairsOrder {
    /** Largest array part is {@code 2^MAXBITS} ({@code MAXBITS} is 24 with 32-bit ints). */
    private static final int MAXBITS = 24;

    // the table: array part (present flags) and hash part (key, value present, chain link; -1 ends a chain)
    private boolean[] array = new boolean[0];
    private int sizeArray;
    private int lsizeNode;
    private double[] nodeKey;
    private boolean[] nodeHasKey;
    private boolean[] nodeHasValue;
    private int[] nodeNext;
    private int firstFree;

    private LuaPairsOrder() {
        setNodeVector(0);
    }

    /**
     * The keys in the order {@code pairs()} visits them after each was assigned, in ascending order, into a fresh
     * Lua 5.0 table.
     *
     * @param keys distinct integer keys, in any order (they are assigned ascending)
     * @return a permutation of {@code keys}
     */
    public static List<Integer> order(Collection<Integer> keys) {
        TreeSet<Integer> ascending = new TreeSet<>(keys);
        if (ascending.size() != keys.size()) {
            throw new IllegalArgumentException("keys must be distinct: " + keys);
        }
        LuaPairsOrder table = new LuaPairsOrder();
        for (int k : ascending) {
            table.set(k);
        }
        return table.traverse();
    }

    /** {@code luaH_next} from nil to the end: array part, then nodes in index order. */
    private List<Integer> traverse() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sizeArray; i++) {
            if (array[i]) {
                out.add(i + 1);
            }
        }
        for (int i = 0; i < nodeKey.length; i++) {
            if (nodeHasValue[i]) {
                out.add((int) nodeKey[i]);
            }
        }
        return out;
    }

    /** {@code t[k] = v} with a non-nil v ({@code luaH_set} and the store). */
    private void set(double k) {
        int slot = arraySlot(k);
        if (slot >= 0) {
            array[slot] = true;
            return;
        }
        int n = find(k);
        if (n >= 0) {
            nodeHasValue[n] = true;
        } else {
            newKey(k);
        }
    }

    /** The array slot ({@code 0..sizearray-1}) holding {@code k}, or -1 if {@code k} belongs to the hash part. */
    private int arraySlot(double k) {
        int i = (int) k;
        return i == k && 1 <= i && i <= sizeArray ? i - 1 : -1;
    }

    /** The node holding {@code k} in the hash part, or -1 (a walk along the chain from its main position). */
    private int find(double k) {
        int n = mainPosition(k);
        while (n >= 0) {
            if (nodeHasKey[n] && nodeKey[n] == k) {
                return n;
            }
            n = nodeNext[n];
        }
        return -1;
    }

    /** {@code hashnum}: the words of the double {@code k + 1} summed, modulo {@code (size - 1) | 1}. */
    private int mainPosition(double k) {
        long bits = Double.doubleToRawLongBits(k + 1);
        int sum = (int) bits + (int) (bits >>> 32);
        return Integer.remainderUnsigned(sum, (nodeKey.length - 1) | 1);
    }

    /** {@code newkey} and the store that follows it: {@code k} enters the hash part (or, after a rehash, any part). */
    private void newKey(double k) {
        int mp = mainPosition(k);
        if (nodeHasValue[mp]) {
            int other = mainPosition(nodeKey[mp]);
            int free = firstFree;
            if (other != mp) {
                // the colliding key is not in its main position: move it to the free node, take its place
                while (nodeNext[other] != mp) {
                    other = nodeNext[other];
                }
                nodeNext[other] = free;
                nodeKey[free] = nodeKey[mp];
                nodeHasKey[free] = nodeHasKey[mp];
                nodeHasValue[free] = nodeHasValue[mp];
                nodeNext[free] = nodeNext[mp];
                nodeNext[mp] = -1;
                nodeHasValue[mp] = false;
            } else {
                // the colliding key is in its main position: the new key takes the free node, chained behind it
                nodeNext[free] = nodeNext[mp];
                nodeNext[mp] = free;
                mp = free;
            }
        }
        nodeKey[mp] = k;
        nodeHasKey[mp] = true;
        while (true) {
            if (!nodeHasKey[firstFree]) {
                nodeHasValue[mp] = true;
                return;
            }
            if (firstFree == 0) {
                break;
            }
            firstFree--;
        }
        // no free node left: the new key is marked present (a false value in Lua) and counted by the rehash,
        // which inserts it again with the others; the store then only replaces its value
        nodeHasValue[mp] = true;
        rehash();
    }

    /** {@code rehash}: {@code numuse} + {@code computesizes}, then {@code resize}. */
    private void rehash() {
        int[] nums = new int[MAXBITS + 1];
        int total = 0;
        int arrayCandidates = 0;
        for (int i = 0; i < sizeArray; i++) {
            if (array[i]) {
                nums[log2(i) + 1]++;
                arrayCandidates++;
                total++;
            }
        }
        for (int i = nodeKey.length - 1; i >= 0; i--) {
            if (nodeHasValue[i]) {
                int k = arrayIndex(nodeKey[i]);
                if (k >= 0) {
                    nums[log2(k - 1) + 1]++;
                    arrayCandidates++;
                }
                total++;
            }
        }
        // computesizes
        int a = nums[0];
        int na = a;
        int n = na == 0 ? -1 : 0;
        for (int i = 1; a < arrayCandidates && arrayCandidates >= 1 << (i - 1); i++) {
            if (nums[i] > 0) {
                a += nums[i];
                if (a >= 1 << (i - 1)) {
                    n = i;
                    na = a;
                }
            }
        }
        int newArraySize = n == -1 ? 0 : 1 << n;
        resize(newArraySize, log2(total - na) + 1);
    }

    /** {@code arrayindex}: {@code k} if it is an integer in {@code 1..2^MAXBITS}, else -1. */
    private static int arrayIndex(double key) {
        int k = (int) key;
        return k == key && k >= 1 && ((k - 1) >> MAXBITS) == 0 ? k : -1;
    }

    /** {@code luaO_log2}: floor of log2, -1 for 0. */
    private static int log2(int x) {
        return x == 0 ? -1 : 31 - Integer.numberOfLeadingZeros(x);
    }

    /** {@code setnodevector}: {@code 2^lsize} empty nodes, {@code firstfree} at the last. */
    private void setNodeVector(int lsize) {
        if (lsize > MAXBITS) {
            throw new IllegalStateException("table overflow");
        }
        int size = 1 << lsize;
        nodeKey = new double[size];
        nodeHasKey = new boolean[size];
        nodeHasValue = new boolean[size];
        nodeNext = new int[size];
        Arrays.fill(nodeNext, -1);
        lsizeNode = lsize;
        firstFree = size - 1;
    }

    /** {@code resize}: new array and hash parts, then the vanishing array slice and the old nodes (last first). */
    private void resize(int newArraySize, int newLsize) {
        int oldArraySize = sizeArray;
        double[] oldKey = nodeKey;
        boolean[] oldHasValue = nodeHasValue;
        if (newArraySize > oldArraySize) {
            array = Arrays.copyOf(array, newArraySize);
            sizeArray = newArraySize;
        }
        setNodeVector(newLsize);
        if (newArraySize < oldArraySize) {
            sizeArray = newArraySize;
            for (int i = newArraySize; i < oldArraySize; i++) {
                if (array[i]) {
                    set(i + 1);
                }
            }
            array = Arrays.copyOf(array, newArraySize);
        }
        for (int i = oldKey.length - 1; i >= 0; i--) {
            if (oldHasValue[i]) {
                set(oldKey[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "LuaPairsOrder[sizearray=" + sizeArray + ", lsizenode=" + lsizeNode + "]";
    }
}
