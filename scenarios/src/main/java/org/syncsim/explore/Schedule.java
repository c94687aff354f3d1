package org.syncsim.explore;

import java.util.List;

/**
 * A fault schedule on top of the base scenario: reproduced from its seed, which is also the seed its run uses.
 *
 * @param index its number in the exploration (from 0)
 * @param seed the seed it was drawn from and runs with ({@code run.seed}, replication 0)
 * @param faults the faults, in time order
 * @param raidSize the raid size if the shrinker lowered it, else null (the base scenario's)
 */
record Schedule(int index, long seed, List<Fault> faults, Integer raidSize) {
    Schedule {
        faults = List.copyOf(faults);
    }

    Schedule withFaults(List<Fault> f) {
        return new Schedule(index, seed, f, raidSize);
    }

    Schedule withRaidSize(int size) {
        return new Schedule(index, seed, faults, size);
    }
}
