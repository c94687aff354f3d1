package org.syncsim.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.AddonMessageListener;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.Priority;
import org.syncsim.channel.RaidRank;
import org.syncsim.channel.RosterListener;
import org.syncsim.engine.Simulation;

/**
 * A deterministic test double of the addon channel: one group (raid or party), constant latency, broadcast to
 * every member including the sender, per-copy drop rule, a log of every send. Every member sees every other member
 * in its roster, online; ranks are {@link RaidRank#MEMBER} unless {@link #setRank set}. Not the real channel model.
 */
public final class TestChannel implements AddonChannel {
    /** Decides whether one recipient's copy of a message is dropped. */
    @FunctionalInterface
    public interface DropRule {
        boolean drop(int sender, int recipient, String text);
    }

    /** Latency of one recipient's copy (constant per sender/recipient pair keeps FIFO). */
    @FunctionalInterface
    public interface LatencyRule {
        long latency(int sender, int recipient, String text);
    }

    /** One accepted send. */
    public record Sent(long time, int sender, String prefix, String text, Distribution distribution, String command,
            Priority priority) {
    }

    private final Simulation sim;
    private final long latency;
    private final boolean raid;
    private final TreeSet<Integer> members = new TreeSet<>();
    private final TreeMap<Integer, AddonMessageListener> messageListeners = new TreeMap<>();
    private final Map<Integer, RosterListener> rosterListeners = new TreeMap<>();
    private final Map<Integer, RaidRank> ranks = new TreeMap<>();
    private final List<Sent> log = new ArrayList<>();
    private final List<Sent> refused = new ArrayList<>();
    private DropRule dropRule = (s, r, t) -> false;
    private LatencyRule latencyRule;
    private int dropped;

    public TestChannel(Simulation sim, long latencyMicros, boolean raid) {
        this.sim = sim;
        this.latency = latencyMicros;
        this.raid = raid;
    }

    public void setDropRule(DropRule rule) {
        this.dropRule = rule;
    }

    public void setLatencyRule(LatencyRule rule) {
        this.latencyRule = rule;
    }

    @Override
    public void send(int sender, String prefix, String text, Distribution distribution, int target, Priority priority,
            String command) {
        Sent s = new Sent(sim.now(), sender, prefix, text, distribution, command, priority);
        boolean groupDistribution = distribution == Distribution.RAID ? raid : distribution == Distribution.PARTY && !raid;
        if (!members.contains(sender) || !groupDistribution) {
            refused.add(s);
            return;
        }
        log.add(s);
        for (int m : members) {
            if (dropRule.drop(sender, m, text)) {
                dropped++;
                continue;
            }
            long delay = latencyRule == null ? latency : latencyRule.latency(sender, m, text);
            sim.post(sim.now() + delay, now -> {
                if (members.contains(m)) {
                    messageListeners.get(m).onAddonMessage(now, prefix, text, distribution, sender);
                }
            });
        }
    }

    @Override
    public int raidMembers(int client) {
        return raid && members.contains(client) && members.size() > 1 ? members.size() : 0;
    }

    @Override
    public int partyMembers(int client) {
        return !raid && members.contains(client) ? members.size() - 1 : 0;
    }

    /** Both grouped: every member sees every other one online. */
    @Override
    public boolean inRosterOnline(int viewer, int other) {
        return members.contains(viewer) && members.contains(other);
    }

    @Override
    public RaidRank rank(int client) {
        return members.contains(client) ? ranks.getOrDefault(client, RaidRank.MEMBER) : RaidRank.MEMBER;
    }

    /** Gives {@code client} the group rank {@code rank} (default {@link RaidRank#MEMBER}). */
    public void setRank(int client, RaidRank rank) {
        ranks.put(client, rank);
    }

    @Override
    public int clientLimit() {
        return messageListeners.isEmpty() ? 0 : messageListeners.lastKey() + 1;
    }

    @Override
    public void register(int client, AddonMessageListener messages, RosterListener roster) {
        messageListeners.put(client, messages);
        rosterListeners.put(client, roster);
    }

    /** Adds a member and fires the roster event on every member (the joiner included). */
    public void join(int client) {
        members.add(client);
        fireRoster();
    }

    /** Adds several members at once with one roster event each time, as a raid forming. */
    public void joinSilently(int client) {
        members.add(client);
    }

    public void leave(int client) {
        members.remove(client);
        fireRoster();
        rosterListeners.get(client).onRosterUpdate(sim.now());
    }

    public void fireRoster() {
        for (int m : new ArrayList<>(members)) {
            rosterListeners.get(m).onRosterUpdate(sim.now());
        }
    }

    /** Every accepted send, in order. */
    public List<Sent> log() {
        return log;
    }

    /** Sends the channel refused (not in a group, or WHISPER without a target). */
    public List<Sent> refused() {
        return refused;
    }

    public int droppedCopies() {
        return dropped;
    }

    /** Accepted sends of {@code command} at or after {@code from}. */
    public List<Sent> sent(String command, long from) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : log) {
            if (s.time() >= from && s.command().equals(command)) {
                out.add(s);
            }
        }
        return out;
    }

    public long count(String command, long from) {
        return sent(command, from).size();
    }

    /** Sum of text lengths (bytes) of accepted sends at or after {@code from}. */
    public long textBytes(long from) {
        long b = 0;
        for (Sent s : log) {
            if (s.time() >= from) {
                b += s.text().length();
            }
        }
        return b;
    }

    public long countFrom(long from) {
        return log.stream().filter(s -> s.time() >= from).count();
    }
}
