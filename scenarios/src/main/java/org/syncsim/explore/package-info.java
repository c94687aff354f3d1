/**
 * Fault search ({@code syncsim explore}): random fault schedules on top of a scenario, invariants checked after
 * every run, and a failing schedule shrunk to a minimal scenario file that still breaks the same invariant.
 */
package org.syncsim.explore;
