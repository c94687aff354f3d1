package org.syncsim.scenario;

/** A timeline entry at its absolute virtual time; {@code index} is its position in the file. */
public record TimedAction(long atMicros, int index, Action action) {
}
