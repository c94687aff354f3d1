/** A client's wall clock {@code time()}, monotonic {@code GetTime()} and frame-quantised addon timers (§2.5, §7). */
package org.syncsim.protocol.clock;
