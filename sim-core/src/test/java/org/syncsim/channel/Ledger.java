package org.syncsim.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;

/** A recorder that keeps every per-message record, for tests. */
final class Ledger implements MetricsRecorder {
    record Offer(long time, long id, int sender, String command, int bytes) {
    }

    record Sent(long time, long id, int bytes, long queuedMicros) {
    }

    record Rejected(long time, long id, int bytes, DropReason reason) {
    }

    record Copy(long time, long id, int sender, int recipient, int bytes, DropReason reason) {
        boolean delivered() {
            return reason == null;
        }
    }

    final Map<Long, Offer> offers = new TreeMap<>();
    final Map<Long, Sent> sent = new TreeMap<>();
    final Map<Long, Rejected> rejected = new TreeMap<>();
    final List<Copy> copies = new ArrayList<>();
    final List<long[]> disconnects = new ArrayList<>();

    @Override
    public void messageOffered(long time, long messageId, int sender, String command, int bytes) {
        if (offers.put(messageId, new Offer(time, messageId, sender, command, bytes)) != null) {
            throw new AssertionError("message " + messageId + " offered twice");
        }
    }

    @Override
    public void messageSent(long time, long messageId, int sender, String command, int bytes, long queuedMicros) {
        if (sent.put(messageId, new Sent(time, messageId, bytes, queuedMicros)) != null) {
            throw new AssertionError("message " + messageId + " sent twice");
        }
    }

    @Override
    public void messageRejected(long time, long messageId, int sender, String command, int bytes,
            DropReason reason) {
        if (rejected.put(messageId, new Rejected(time, messageId, bytes, reason)) != null) {
            throw new AssertionError("message " + messageId + " rejected twice");
        }
    }

    @Override
    public void messageDelivered(long time, long messageId, int sender, int recipient, String command, int bytes) {
        copies.add(new Copy(time, messageId, sender, recipient, bytes, null));
    }

    @Override
    public void messageLost(long time, long messageId, int sender, int recipient, String command, int bytes,
            DropReason reason) {
        copies.add(new Copy(time, messageId, sender, recipient, bytes, reason));
    }

    @Override
    public void serverDisconnect(long time, int client, long untilTime) {
        disconnects.add(new long[] {time, client, untilTime});
    }

    List<Copy> copiesTo(int recipient) {
        return copies.stream().filter(c -> c.recipient() == recipient).toList();
    }

    List<Copy> lostWith(DropReason reason) {
        return copies.stream().filter(c -> c.reason() == reason).toList();
    }

    long deliveredCount() {
        return copies.stream().filter(Copy::delivered).count();
    }
}
