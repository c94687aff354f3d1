package org.syncsim.channel.link;

/** Draws one delivery's client-server-client delay, in microseconds (never negative). Primitive: no boxing. */
@FunctionalInterface
public interface LatencySampler {
    long sampleMicros();
}
