package org.syncsim.channel.link;

/**
 * One client's connection to the server as a latency model sees it: the delay of a message it sends and of a copy
 * relayed to it, in microseconds (never negative). Primitive arguments and results: no boxing on the fan-out.
 */
@FunctionalInterface
public interface LatencySampler {
    /**
     * The delay of a copy of {@code bytes} bytes that the server relays to this client at {@code relayAt}, from the
     * relay until it arrives; {@code bytes} is 0 for a copy the server does not address (recipient outside the group).
     */
    long receiveMicros(long relayAt, int bytes);

    /**
     * The delay of a message of {@code bytes} bytes this client sends at {@code now}, until the server relays it;
     * one value shared by every copy of the message. The i.i.d. models put the whole path into
     * {@link #receiveMicros} and return 0 here without a draw.
     */
    default long sendMicros(long now, int bytes) {
        return 0;
    }
}
