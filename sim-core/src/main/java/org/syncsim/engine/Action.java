package org.syncsim.engine;

/**
 * Something that happens at an instant of virtual time. Implementations that are scheduled very often
 * (frame ticks, hold-model events) should be shared instances so that scheduling allocates nothing.
 */
@FunctionalInterface
public interface Action {
    /** Runs the action; {@code now} is the simulation's current time in microseconds. */
    void run(long now);
}
