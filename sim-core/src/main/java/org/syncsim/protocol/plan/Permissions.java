package org.syncsim.protocol.plan;

import java.util.Set;
import java.util.TreeSet;
import org.syncsim.channel.RaidRank;

/**
 * Policy 9, {@code permissions}: who may announce or push data (spec §8). A plan member drops, and counts as
 * refused, SECTION, BSACK, BSEC, BSTR, CHUNKED and CHUNK from anyone else, and does not itself announce, answer
 * pulls or push unless it may. Anyone may ask (BSREQ).
 */
public sealed interface Permissions {
    /** Whether a member called {@code name} with rank {@code rank} may announce or push. */
    boolean allows(String name, RaidRank rank);

    /** Head: anyone (spec §8). */
    record Anyone() implements Permissions {
        @Override
        public boolean allows(String name, RaidRank rank) {
            return true;
        }
    }

    /** The raid leader only. */
    record Leader() implements Permissions {
        @Override
        public boolean allows(String name, RaidRank rank) {
            return rank == RaidRank.LEADER;
        }
    }

    /** The leader and the assistants (what Angry Assignments, MRT and KTM check, peer-addons.md §8). */
    record LeaderAndAssistants() implements Permissions {
        @Override
        public boolean allows(String name, RaidRank rank) {
            return rank != RaidRank.MEMBER;
        }
    }

    /** The members named, whatever their rank (Angry Assignments' allow-list). */
    record Listed(Set<String> names) implements Permissions {
        public Listed {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("names must list at least one member");
            }
            names = java.util.Collections.unmodifiableSet(new TreeSet<>(names));
        }

        @Override
        public boolean allows(String name, RaidRank rank) {
            return names.contains(name);
        }
    }
}
