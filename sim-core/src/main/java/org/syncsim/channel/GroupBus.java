package org.syncsim.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LatencyModel;
import org.syncsim.channel.link.LatencySampler;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.channel.link.LossModel;
import org.syncsim.channel.link.LossProcess;
import org.syncsim.channel.link.Outage;
import org.syncsim.channel.server.ServerOverflow;
import org.syncsim.channel.server.TokenBucket;
import org.syncsim.channel.throttle.Throttle;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.channel.throttle.ThrottleSink;
import org.syncsim.engine.Action;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;

/**
 * The addon-message channel of one group (a raid or a party): the send call with the realm's limits, each client's
 * throttle, the server's per-client limiter, and per-recipient delivery with latency, loss and presence. Facts:
 * addon-channel.md; parameters: {@link ChannelConfig}.
 *
 * <p>Delivery rules. A RAID/PARTY message that leaves its sender is relayed towards every registered client; a copy
 * is delivered if, <em>when it arrives</em>, the recipient is in the group, online (not on a loading screen, not
 * offline), not in an outage and not hit by the link's loss model. The sender receives its own broadcast. Copies to
 * clients that were outside the group both at relay and at arrival are not addressed and leave no record; every
 * other copy is recorded once, as delivered or lost with a reason. With FIFO on (default: TCP), a copy never arrives
 * before an earlier copy from the same sender to the same recipient. A copy's delay is the sender's leg (once per
 * message, {@link LatencySampler#sendMicros}) plus the recipient's ({@link LatencySampler#receiveMicros}).
 *
 * <p>Hot path: each (sender, recipient) link is a ring buffer of pending copies with at most one engine event
 * pending, so with FIFO on (the default) a 40-member broadcast allocates one {@link OutgoingMessage} and no
 * per-recipient objects; without FIFO each copy is its own engine event.
 */
public final class GroupBus implements AddonChannel {
    /** Largest raid (8 groups of 5) and party, addon-channel.md "Game client facts that matter". */
    public static final int MAX_RAID = 40;
    public static final int MAX_PARTY = 5;

    private final Simulation sim;
    private final ChannelConfig config;
    private final MetricsRecorder metrics;
    private final RealmLimits realm;
    private final OversizePolicy oversize;
    private final ServerOverflow overflow;
    private final LatencyModel latencyModel;
    private final LossModel lossModel;
    private final Outage[] outages;
    private final boolean fifo;
    private final int overhead;
    private final ThrottleSink sink = new Sink();
    private final List<PresenceListener> presenceListeners = new ArrayList<>();

    private Client[] clients = new Client[8];
    private int clientLimit;
    private int raidLimit = MAX_RAID;
    private GroupType groupType = GroupType.RAID;
    private int memberCount;
    private long nextMessageId;

    public GroupBus(Simulation sim, ChannelConfig config, MetricsRecorder metrics) {
        this.sim = sim;
        this.config = config;
        this.metrics = metrics;
        this.realm = config.realm();
        this.oversize = OversizePolicy.named(realm.oversize());
        this.overflow = ServerOverflow.named(config.server().overflow(), config.server().disconnectMicros());
        this.latencyModel = LatencyModel.of(config.latency());
        this.lossModel = LossModel.of(config.loss());
        this.outages = config.loss().outages().toArray(new Outage[0]);
        this.fifo = config.latency().fifo();
        this.overhead = config.server().messageOverheadBytes();
    }

    public ChannelConfig config() {
        return config;
    }

    // ---- clients, group, presence ------------------------------------------------------------------------------

    /**
     * Registers a client (dense id) with its handlers; a new client is online, logged in now, not in the group,
     * and uses the configured throttle and frame rate. Registering again only replaces the handlers.
     */
    @Override
    public void register(int client, AddonMessageListener messages, RosterListener roster) {
        if (client < 0) {
            throw new IllegalArgumentException("client ids are >= 0, got " + client);
        }
        if (client >= clients.length) {
            clients = Arrays.copyOf(clients, Math.max(client + 1, clients.length * 2));
        }
        Client c = clients[client];
        if (c == null) {
            c = new Client(client);
            clients[client] = c;
            clientLimit = Math.max(clientLimit, client + 1);
        }
        c.messages = messages;
        c.roster = roster;
    }

    /** Told about every presence change (e.g. a server disconnect and the reconnection after it). */
    public void addPresenceListener(PresenceListener listener) {
        presenceListeners.add(listener);
    }

    public GroupType groupType() {
        return groupType;
    }

    /**
     * Ends the bus's run: the copies still in flight are dropped unrecorded and the links' ring arrays go to this
     * thread's spares ({@link LinkRings}) for the next run. Nothing may be sent or delivered afterwards.
     */
    public void release() {
        for (int i = 0; i < clientLimit; i++) {
            Client c = clients[i];
            if (c == null) {
                continue;
            }
            for (Link link : c.out) {
                if (link != null) {
                    link.release();
                }
            }
            c.out = new Link[0];
        }
    }

    /** Converts the group (e.g. party to raid); fires the roster handlers of the online members. */
    public void setGroupType(GroupType type) {
        if (type == groupType) {
            return;
        }
        if (type == GroupType.PARTY && memberCount > MAX_PARTY) {
            throw new IllegalStateException("a party holds at most " + MAX_PARTY + " members, the group has "
                    + memberCount);
        }
        groupType = type;
        fireRoster(null);
    }

    /** Lets a raid hold up to {@code members} (more than the game's 40 only for a stress test of the simulator). */
    public void setRaidLimit(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("a raid holds at least one member: " + members);
        }
        raidLimit = members;
    }

    /** The client joins the group now; roster handlers fire on every online member, the joiner included. */
    public void join(int client) {
        Client c = client(client);
        if (c.member) {
            return;
        }
        int max = groupType == GroupType.RAID ? raidLimit : MAX_PARTY;
        if (memberCount >= max) {
            throw new IllegalStateException("the " + groupType + " is full (" + max + " members); client " + client
                    + " cannot join");
        }
        c.member = true;
        memberCount++;
        fireRoster(c);
    }

    /** The client leaves the group now; roster handlers fire on the remaining online members and the leaver. */
    public void leave(int client) {
        Client c = client(client);
        if (!c.member) {
            return;
        }
        c.member = false;
        memberCount--;
        fireRoster(c);
    }

    /** {@link #join(int)} at instant {@code at}. */
    public void join(int client, long at) {
        client(client);
        sim.post(at, t -> join(client));
    }

    /** {@link #leave(int)} at instant {@code at}. */
    public void leave(int client, long at) {
        client(client);
        sim.post(at, t -> leave(client));
    }

    public boolean isMember(int client) {
        return client(client).member;
    }

    public int memberCount() {
        return memberCount;
    }

    private void fireRoster(Client changed) {
        long now = sim.now();
        for (int i = 0; i < clientLimit; i++) {
            Client c = clients[i];
            if (c != null && (c.member || c == changed) && c.presence == Presence.ONLINE && c.roster != null) {
                c.roster.onRosterUpdate(now);
            }
        }
    }

    public Presence presence(int client) {
        return client(client).presence;
    }

    /**
     * Changes a client's presence now. Going to a loading screen stops its frames; returning from one is
     * {@code PLAYER_ENTERING_WORLD} for its throttle. Going offline loses its throttle queue; coming back online from
     * offline is a fresh login (server bucket full again).
     */
    public void setPresence(int client, Presence presence) {
        changePresence(client(client), presence, false);
    }

    /** A loading screen (zoning) from {@code at} for {@code durationMicros}; the addon keeps its state. */
    public void loadingScreen(int client, long at, long durationMicros) {
        Client c = client(client);
        sim.post(at, t -> {
            changePresence(c, Presence.LOADING, false);
            backOnlineAfter(c, durationMicros, false);
        });
    }

    /** A {@code /reload}: a loading screen that also loses the addon's runtime state (the throttle queue). */
    public void reload(int client, long at, long durationMicros) {
        Client c = client(client);
        sim.post(at, t -> {
            changePresence(c, Presence.LOADING, true);
            backOnlineAfter(c, durationMicros, true);
        });
    }

    /** Offline from {@code at} for {@code durationMicros}, then logged in again. */
    public void disconnect(int client, long at, long durationMicros) {
        Client c = client(client);
        sim.post(at, t -> {
            changePresence(c, Presence.OFFLINE, false);
            backOnlineAfter(c, durationMicros, true);
        });
    }

    /**
     * Logs the client in at {@code at}: online, a fresh throttle (ChatThrottleLib's 5-second clamp starts) and a full
     * server bucket, even if it was online already (a relog).
     */
    public void login(int client, long at) {
        Client c = client(client);
        sim.post(at, t -> changePresence(c, Presence.ONLINE, true));
    }

    /** Logs the client out at {@code at}: offline until {@link #login}; its throttle queue is lost. */
    public void logout(int client, long at) {
        setPresence(client, Presence.OFFLINE, at);
    }

    /** Presence {@code presence} from instant {@code at} on (until changed again). */
    public void setPresence(int client, Presence presence, long at) {
        Client c = client(client);
        sim.post(at, t -> changePresence(c, presence, false));
    }

    private void backOnlineAfter(Client c, long durationMicros, boolean freshLogin) {
        int epoch = c.presenceEpoch;
        sim.postAfter(durationMicros, t -> {
            if (c.presenceEpoch == epoch) {
                changePresence(c, Presence.ONLINE, freshLogin);
            }
        });
    }

    private void changePresence(Client c, Presence to, boolean stateLost) {
        long now = sim.now();
        Presence from = c.presence;
        c.presenceEpoch++;
        if (stateLost || to == Presence.OFFLINE) {
            c.throttle.discard(now, DropReason.SENDER_OFFLINE);
        }
        if (from == to && !stateLost) {
            return;
        }
        long since = c.presenceSince;
        c.presence = to;
        c.presenceSince = now;
        switch (to) {
            case LOADING -> c.throttle.suspend(now);
            case OFFLINE -> {
            }
            case ONLINE -> {
                if (from == Presence.OFFLINE || stateLost) {
                    c.throttle.login(addonsLoadedAt(from, since, now), now);
                    c.bucket.reset(now);
                } else {
                    c.throttle.enterWorld(now);
                }
            }
        }
        metrics.presenceChanged(now, c.id, to.name());
        if (sim.tracing()) {
            sim.trace("presence", "client=" + c.id + " " + from + "->" + to);
        }
        for (PresenceListener l : presenceListeners) {
            l.onPresenceChanged(now, c.id, to);
        }
    }

    /**
     * When a login that ends at {@code now} loaded the addons: at the start of its loading screen, which is the
     * {@code LOADING} presence of a {@code /reload}, else the configured loading-screen length (not before the
     * client went offline).
     */
    private long addonsLoadedAt(Presence from, long since, long now) {
        return from == Presence.LOADING ? since : Math.max(since, now - config.presence().loadingScreenMicros());
    }

    /**
     * From now on, deliveries to {@code client} (to every client if it is negative) draw their latency and loss
     * from these models ({@code null} keeps the current one), e.g. a scenario's network change; under a model with
     * a sender leg ({@code correlated}) the client's own messages use its new connection too. Each change
     * draws from fresh streams {@code channel/link/<id>/latency/<n>} and {@code .../loss/<n>}, so earlier draws
     * are unaffected. Copies already in flight keep their arrival times.
     */
    public void setLinkModels(int client, LatencyConfig latency, LossConfig loss) {
        LatencyModel lm = latency == null ? null : LatencyModel.of(latency);
        LossModel om = loss == null ? null : LossModel.of(loss);
        for (int i = 0; i < clientLimit; i++) {
            Client c = clients[i];
            if (c == null || (client >= 0 && i != client)) {
                continue;
            }
            int n = ++c.linkChanges;
            if (lm != null) {
                c.latency = lm.sampler(sim.random().stream("channel/link/" + i + "/latency/" + n));
            }
            if (om != null) {
                c.loss = om.process(sim.random().stream("channel/link/" + i + "/loss/" + n));
            }
        }
    }

    /**
     * Sets up a client's frames before it sends anything: its frame rate and an instant at which it renders a
     * frame, the same frames its addon's timers use, so its throttle's despooler wakes on them too (clients with
     * different origins despool at different instants, as real clients do).
     */
    public void setFrames(int client, double fps, long originMicros) {
        Client c = client(client);
        if (c.throttle.queuedMessages() != 0) {
            throw new IllegalStateException("client " + client + " still has queued messages");
        }
        c.fps = fps;
        c.frameOrigin = originMicros;
        c.throttle = Throttle.create(c.throttleConfig, client, sim, sink, metrics, fps, originMicros);
    }

    /** Sets a client's frame rate now (its throttle's OnUpdate and low-fps clamp follow it). */
    public void setFps(int client, double fps) {
        Client c = client(client);
        c.fps = fps;
        c.throttle.setFps(sim.now(), fps);
    }

    public double fps(int client) {
        return client(client).fps;
    }

    /** Gives a client its own throttle (e.g. {@code ctl} for one, {@code direct} for the others); queue must be empty. */
    public void setThrottle(int client, ThrottleConfig throttle) {
        Client c = client(client);
        if (c.throttle.queuedMessages() != 0) {
            throw new IllegalStateException("client " + client + " still has queued messages");
        }
        c.throttleConfig = throttle;
        c.throttle = Throttle.create(throttle, client, sim, sink, metrics, c.fps, c.frameOrigin);
    }

    /** Messages waiting in a client's throttle. */
    public int throttleQueue(int client) {
        return client(client).throttle.queuedMessages();
    }

    // ---- AddonChannel ------------------------------------------------------------------------------------------

    @Override
    public int raidMembers(int client) {
        return client(client).member && groupType == GroupType.RAID ? memberCount : 0;
    }

    /** Gives a client its group rank ({@code GetRaidRosterInfo}'s rank; members by default). */
    public void setRank(int client, RaidRank rank) {
        client(client).rank = java.util.Objects.requireNonNull(rank);
    }

    @Override
    public RaidRank rank(int client) {
        return client(client).rank;
    }

    @Override
    public boolean inRosterOnline(int viewer, int other) {
        if (viewer < 0 || other < 0 || viewer >= clientLimit || other >= clientLimit) {
            return false;
        }
        Client v = clients[viewer];
        Client o = clients[other];
        return v != null && o != null && v.member && o.member && o.presence != Presence.OFFLINE;
    }

    @Override
    public int maxTextLength(String prefix) {
        return realm.maxTextLength(prefix);
    }

    @Override
    public int clientLimit() {
        return clientLimit;
    }

    @Override
    public int partyMembers(int client) {
        return client(client).member && groupType == GroupType.PARTY ? memberCount - 1 : 0;
    }

    @Override
    public void send(int sender, String prefix, String text, Distribution distribution, int target, Priority priority,
            String command) {
        long now = sim.now();
        Client s = client(sender);
        int maxText = realm.maxTextLength(prefix);
        String sent = text.length() > maxText ? oversize.apply(text, maxText) : text;
        String carried = sent != null ? sent : text;
        int bytes = prefix.length() + 1 + carried.length() + overhead;
        OutgoingMessage m = new OutgoingMessage(nextMessageId++, sender, prefix, carried, distribution, target,
                priority, command, bytes, now);
        metrics.messageOffered(now, m.id(), sender, command, bytes);
        DropReason refused;
        if (sent == null) {
            refused = DropReason.TOO_LONG;
        } else if (forbidden(prefix, carried)) {
            refused = DropReason.FORBIDDEN_CHARACTER;
        } else if (s.presence != Presence.ONLINE) {
            refused = DropReason.SENDER_OFFLINE;
        } else {
            refused = routeProblem(s, distribution, target);
        }
        if (refused != null) {
            reject(m, now, refused);
            return;
        }
        s.throttle.submit(m, now, s.inOnUpdate ? SendOrigin.ONUPDATE_TIMER : SendOrigin.EVENT_HANDLER);
    }

    @Override
    public void runOnUpdate(int client, Runnable work) {
        Client c = client(client);
        boolean outer = c.inOnUpdate;
        c.inOnUpdate = true;
        try {
            work.run();
        } finally {
            c.inOnUpdate = outer;
        }
    }

    private boolean forbidden(String prefix, String text) {
        if (prefix.indexOf('\t') >= 0 || prefix.indexOf('\0') >= 0) {
            return true;
        }
        return text.indexOf('\0') >= 0
                || (realm.rejectLineBreaks() && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0));
    }

    /** Why this distribution cannot be sent by {@code s} now, or null. */
    private DropReason routeProblem(Client s, Distribution distribution, int target) {
        return switch (distribution) {
            case RAID -> s.member && groupType == GroupType.RAID ? null : DropReason.NOT_IN_GROUP;
            case PARTY -> s.member && groupType == GroupType.PARTY ? null : DropReason.NOT_IN_GROUP;
            case WHISPER -> !realm.whisperSupported() ? DropReason.UNSUPPORTED_DISTRIBUTION
                    : target < 0 || target >= clientLimit || clients[target] == null ? DropReason.NOT_IN_GROUP : null;
            case GUILD, BATTLEGROUND -> DropReason.UNSUPPORTED_DISTRIBUTION;
        };
    }

    private void reject(OutgoingMessage m, long now, DropReason reason) {
        metrics.messageRejected(now, m.id(), m.sender(), m.command(), m.bytes(), reason);
        if (sim.tracing()) {
            sim.trace("reject", "msg=" + m.id() + " sender=" + m.sender() + " " + m.command() + " " + reason);
        }
    }

    // ---- server and fan-out ------------------------------------------------------------------------------------

    /** The message leaves the sender's client: server limiter, then relay to every addressed recipient. */
    private void relay(OutgoingMessage m, long now, long queuedMicros) {
        Client s = clients[m.sender()];
        DropReason refused = s.presence != Presence.ONLINE ? DropReason.SENDER_OFFLINE
                : inOutage(s.id, now) ? DropReason.OUTAGE
                : routeProblem(s, m.distribution(), m.target());
        if (refused != null) {
            reject(m, now, refused);
            return;
        }
        if (!s.bucket.tryTake(now, m.bytes())) {
            reject(m, now, DropReason.SERVER_RATE_LIMIT);
            if (overflow instanceof ServerOverflow.Disconnect d) {
                metrics.serverDisconnect(now, s.id, now + d.micros());
                changePresence(s, Presence.OFFLINE, false);
                backOnlineAfter(s, d.micros(), true);
            }
            return;
        }
        metrics.messageSent(now, m.id(), m.sender(), m.command(), m.bytes(), queuedMicros);
        if (sim.tracing()) {
            sim.trace("send", "msg=" + m.id() + " sender=" + m.sender() + " " + m.distribution() + " " + m.command()
                    + " bytes=" + m.bytes() + " queued=" + queuedMicros);
        }
        long relayAt = now + s.latency.sendMicros(now, m.bytes());
        if (m.distribution() == Distribution.WHISPER) {
            enqueue(s, clients[m.target()], m, relayAt, true);
            metrics.messageFannedOut(now, m.id(), 1);
            return;
        }
        int n = clientLimit;
        Client[] cs = clients;
        int addressed = 0;
        for (int r = 0; r < n; r++) {
            Client c = cs[r];
            if (c != null) {
                enqueue(s, c, m, relayAt, c.member);
                if (c.member) {
                    addressed++;
                }
            }
        }
        metrics.messageFannedOut(now, m.id(), addressed);
    }

    /** A copy of {@code m} that the server relays to {@code c} at {@code relayAt} (i.i.d. models: the send). */
    private void enqueue(Client s, Client c, OutgoingMessage m, long relayAt, boolean addressed) {
        long at = relayAt + c.latency.receiveMicros(relayAt, addressed ? m.bytes() : 0);
        if (!fifo) {
            int r = c.id;
            sim.post(at, t -> arrive(t, m, r, addressed));
            return;
        }
        Link[] out = s.out;
        if (c.id >= out.length) {
            out = Arrays.copyOf(out, Math.max(clientLimit, c.id + 1));
            s.out = out;
        }
        Link link = out[c.id];
        if (link == null) {
            link = new Link(c.id);
            out[c.id] = link;
        }
        link.push(at, m, addressed);
    }

    private boolean inOutage(int client, long t) {
        for (Outage o : outages) {
            if (o.covers(client, t)) {
                return true;
            }
        }
        return false;
    }

    /** A copy reaches recipient {@code r}: membership, presence, outage and loss at arrival decide. */
    private void arrive(long now, OutgoingMessage m, int r, boolean addressed) {
        Client c = clients[r];
        if (m.distribution() != Distribution.WHISPER && !c.member) {
            if (addressed) {
                lose(now, m, r, DropReason.RECIPIENT_OFFLINE);
            }
            return;
        }
        if (c.presence != Presence.ONLINE) {
            lose(now, m, r, c.presence == Presence.LOADING ? DropReason.LOADING_SCREEN : DropReason.RECIPIENT_OFFLINE);
            return;
        }
        if (outages.length > 0 && inOutage(r, now)) {
            lose(now, m, r, DropReason.OUTAGE);
            return;
        }
        if (c.loss.lose()) {
            lose(now, m, r, DropReason.LINK_LOSS);
            return;
        }
        metrics.messageDelivered(now, m.id(), m.sender(), r, m.command(), m.bytes());
        if (sim.tracing()) {
            sim.trace("deliver", "msg=" + m.id() + " to=" + r);
        }
        if (c.messages != null) {
            c.messages.onAddonMessage(now, m);
        }
    }

    private void lose(long now, OutgoingMessage m, int r, DropReason reason) {
        metrics.messageLost(now, m.id(), m.sender(), r, m.command(), m.bytes(), reason);
        if (sim.tracing()) {
            sim.trace("lost", "msg=" + m.id() + " to=" + r + " " + reason);
        }
    }

    private Client client(int id) {
        if (id < 0 || id >= clientLimit || clients[id] == null) {
            throw new IllegalArgumentException("client " + id + " is not registered with the channel");
        }
        return clients[id];
    }

    /** Per-client state. */
    private final class Client {
        final int id;
        final TokenBucket bucket;
        LatencySampler latency;
        LossProcess loss;
        /** How many times {@link #setLinkModels} replaced this client's models (names their fresh streams). */
        int linkChanges;
        AddonMessageListener messages;
        RosterListener roster;
        boolean member;
        RaidRank rank = RaidRank.MEMBER;
        Presence presence = Presence.ONLINE;
        int presenceEpoch;
        /** When the current presence began. */
        long presenceSince;
        double fps;
        /** An instant at which the client renders a frame. */
        long frameOrigin;
        ThrottleConfig throttleConfig;
        Throttle throttle;
        /** The client's OnUpdate timers are running ({@link #runOnUpdate}). */
        boolean inOnUpdate;
        /** Outgoing links, indexed by recipient. */
        Link[] out = new Link[0];

        Client(int id) {
            this.id = id;
            long now = sim.now();
            this.fps = config.presence().fps();
            this.bucket = new TokenBucket(config.server().rateBytesPerSecond(), config.server().burstBytes(), now);
            this.latency = latencyModel.sampler(sim.random().stream("channel/link/" + id + "/latency"));
            this.loss = lossModel.process(sim.random().stream("channel/link/" + id + "/loss"));
            this.throttleConfig = config.throttle();
            this.throttle = Throttle.create(throttleConfig, id, sim, sink, metrics, fps, frameOrigin);
        }
    }

    /**
     * Copies in flight from one sender to one recipient, in arrival order, with one engine event pending. A slot
     * holds the copy's arrival time shifted left by one with its "addressed" flag in the low bit (times are
     * non-negative microseconds, far below 2^62), so a ring is two arrays. Rings grow fourfold: a storm's links
     * fill from 4 to a few hundred copies in flight within a second; the arrays come from and go back to the
     * spares of the thread that uses the link ({@link LinkRings}).
     */
    private final class Link implements Action {
        private final int recipient;
        private long[] slots;
        private OutgoingMessage[] messages;
        private int head;
        private int size;
        private boolean pending;
        private long last = Long.MIN_VALUE;

        Link(int recipient) {
            this.recipient = recipient;
            LinkRings spares = LinkRings.ofThisThread();
            int capacity = spares.largest();
            this.slots = spares.slots(capacity);
            this.messages = spares.messages(capacity);
        }

        void push(long at, OutgoingMessage m, boolean isAddressed) {
            if (at < last) {
                at = last;
            }
            last = at;
            if (size == messages.length) {
                grow();
            }
            int i = (head + size) & (messages.length - 1);
            slots[i] = at << 1 | (isAddressed ? 1 : 0);
            messages[i] = m;
            size++;
            if (!pending) {
                pending = true;
                sim.post(at, this);
            }
        }

        /** Moves the full ring (head at any slot) to the front of arrays four times its size. */
        private void grow() {
            int cap = messages.length;
            LinkRings spares = LinkRings.ofThisThread();
            long[] a = spares.slots(cap * 4);
            OutgoingMessage[] m = spares.messages(cap * 4);
            int first = cap - head;
            System.arraycopy(slots, head, a, 0, first);
            System.arraycopy(slots, 0, a, first, head);
            System.arraycopy(messages, head, m, 0, first);
            System.arraycopy(messages, 0, m, first, head);
            spares.give(slots, messages, head, size);
            slots = a;
            messages = m;
            head = 0;
        }

        /** Gives the arrays to the thread's spares; the link is not used again. */
        void release() {
            LinkRings.ofThisThread().give(slots, messages, head, size);
            slots = null;
            messages = null;
            size = 0;
        }

        @Override
        public void run(long now) {
            int mask = messages.length - 1;
            OutgoingMessage m = messages[head];
            boolean wasAddressed = (slots[head] & 1) != 0;
            messages[head] = null;
            head = (head + 1) & mask;
            size--;
            if (size > 0) {
                sim.post(slots[head] >> 1, this);
            } else {
                pending = false;
            }
            arrive(now, m, recipient, wasAddressed);
        }
    }

    private final class Sink implements ThrottleSink {
        @Override
        public void leave(OutgoingMessage message, long now, long queuedMicros) {
            relay(message, now, queuedMicros);
        }

        @Override
        public void reject(OutgoingMessage message, long now, DropReason reason) {
            GroupBus.this.reject(message, now, reason);
        }
    }
}
