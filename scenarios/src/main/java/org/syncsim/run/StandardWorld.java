package org.syncsim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.ChannelConfig;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.GroupBus;
import org.syncsim.channel.Presence;
import org.syncsim.channel.PresenceConfig;
import org.syncsim.channel.Priority;
import org.syncsim.channel.RaidRank;
import org.syncsim.channel.RealmLimits;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.ProtocolProfiles;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.GroundTruth;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.data.codec.LuaVersion;
import org.syncsim.protocol.head.HeadClient;
import org.syncsim.protocol.plan.PlanProfile;
import org.syncsim.protocol.plan.Throttle;
import org.syncsim.protocol.seed.SeedClient;
import org.syncsim.protocol.seed.SeedProfile;
import org.syncsim.protocol.seed.SeedPull;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.WireSpelling;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.ChannelSpec;
import org.syncsim.scenario.ChoicesSpec;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.DataSpec;
import org.syncsim.scenario.Latency;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.Loss;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.ThrottleMode;

/**
 * The real world: the channel model ({@link GroupBus}) and one protocol client per roster entry, sharing one
 * ground truth. Client lifecycles follow the channel's presence: going offline (by the timeline or by the
 * server's limiter) is a logout, coming back online after being offline or after a {@code /reload} is a login
 * ({@code enterWorld}, whose roster event counts as joining), the end of a plain loading screen is
 * {@code PLAYER_ENTERING_WORLD}.
 *
 * <p>Sheets, the same in every replication (streams seeded by {@code data.seed}): the current sheet is generated
 * from stream {@code sheet/current}, the old one
 * from stream {@code sheet/old}; each import changes the named sections of the newest sheet (stream
 * {@code sheet/import/<k>}). A sheet from {@code data.file} is the current sheet as read; its old version is
 * the same sheet with every section changed (stream {@code sheet/old}), so members holding it pull everything.
 * The starting sheets are made once per scenario ({@link StartingSheets}).
 */
public final class StandardWorld implements World {
    /** Builds a standard world per replication. */
    public static final WorldFactory FACTORY = new WorldFactory() {
        @Override
        public World build(LoadedScenario scenario, Simulation sim, RunRecorder recorder) {
            return new StandardWorld(scenario, sim, recorder);
        }

        @Override
        public List<String> unsupported(LoadedScenario s) {
            List<String> out = new ArrayList<>();
            java.util.Set<String> known = ProtocolProfiles.names();
            for (RosterEntry e : s.roster()) {
                String p = e.profile().name().toLowerCase(Locale.ROOT);
                if (!known.contains(p)) {
                    out.add("profile " + p + " (of " + e.name() + ") is not implemented yet; available: "
                            + String.join(", ", new TreeSet<>(known)));
                    break;
                }
            }
            return out;
        }
    };

    private static final String PREFIX = Command.Prefix.TWRA.name();

    private final LoadedScenario scenario;
    private final Simulation sim;
    private final RunRecorder recorder;
    private final GroupBus bus;
    private final GroundTruth truth = new GroundTruth();
    private final SyncClient[] clients;
    private final boolean[] reloading;
    private final boolean[] explicitlyOffline;
    private final long epochSeconds;
    private final WireSpelling spelling = WireSpelling.head();
    private AssignmentSet newest;
    private int imports;

    public StandardWorld(LoadedScenario s, Simulation sim, RunRecorder recorder) {
        this.scenario = s;
        this.sim = sim;
        this.recorder = recorder;
        this.epochSeconds = s.scenario().run().wallClock();
        this.bus = new GroupBus(sim, channelConfig(s.scenario().channel(), s), recorder);
        bus.setRaidLimit(s.scenario().raid().maxSize());
        int n = s.roster().size();
        clients = new SyncClient[n];
        reloading = new boolean[n];
        explicitlyOffline = new boolean[n];

        DataSpec d = s.scenario().data();
        StartingSheets sheets = StartingSheets.of(s);
        newest = sheets.current();
        FixedChoices choices = fixedChoices(s.scenario().protocol().choices());
        EncodedSheet currentEncoded = sheets.currentEncoded();
        EncodedSheet oldEncoded = sheets.oldEncoded();
        truth.publish(d.timestamp(), currentEncoded, 0);

        List<String> names = s.roster().stream().map(RosterEntry::name).toList();
        ProtocolEnvironment env = new ProtocolEnvironment(sim, bus, recorder, truth,
                DataSheets.cachingDecoder(4096, sheets.decoded()), names::get, epochSeconds, sheets.memos(),
                s.scenario().protocol().cpu().costs());
        ChannelConfig cc = bus.config();
        for (RosterEntry e : s.roster()) {
            ProtocolProfile profile;
            try {
                profile = ProtocolProfiles.byName(e.profile().name().toLowerCase(Locale.ROOT));
                if (profile instanceof SeedProfile seed) {
                    profile = seed.withPull(SeedPull.valueOf(s.scenario().protocol().seedPull().name()));
                } else if (profile instanceof PlanProfile plan) {
                    profile = plan.withPolicies(s.scenario().protocol().planPolicies());
                }
            } catch (IllegalArgumentException ex) {
                throw new RunFailedException(e.name() + ": " + ex.getMessage(), ex);
            }
            double period = 1e6 / e.fps();
            long origin = (long) (sim.random().stream("client/" + e.name() + "/frame-origin").nextDouble() * period);
            InitialData initial = switch (e.data()) {
                case CURRENT -> new InitialData.Saved(d.timestamp(), currentEncoded);
                case OLD -> new InitialData.Saved(d.oldTimestamp(), oldEncoded);
                case NONE -> InitialData.example();
            };
            ClientConfig config = ClientConfig.defaults(e.name()).withLiveSync(e.liveSync())
                    .withTankSync(e.tankSync()).withORA2Loaded(e.ora2())
                    .withPlayer(e.playerClass().wow(), e.group())
                    .withFrames(e.fps(), origin)
                    .withClocks(e.clockOffsetMicros(), ClientConfig.defaults(e.name()).getTimeOrigin())
                    .withInitialData(initial)
                    .withChoices(choices);
            clients[e.id()] = profile.create(env, e.id(), config);
            bus.setFrames(e.id(), e.fps(), origin);
            bus.setRank(e.id(), switch (e.role()) {
                case LEADER -> RaidRank.LEADER;
                case ASSISTANT -> RaidRank.ASSISTANT;
                case MEMBER -> RaidRank.MEMBER;
            });
            ThrottleConfig.Mode mode = mode(e.throttle());
            if (profile instanceof PlanProfile plan && plan.policies().throttle() instanceof Throttle.Ctl ctl) {
                bus.setThrottle(e.id(), cc.throttle().withMode(ThrottleConfig.Mode.CTL)
                        .withRates(ctl.cpsFor(s.roster().size()), ctl.burst()));
            } else if (mode != cc.throttle().mode()) {
                bus.setThrottle(e.id(), cc.throttle().withMode(mode));
            }
            recorder.initialData(e.id(), switch (e.data()) {
                case CURRENT -> d.timestamp();
                case OLD -> d.oldTimestamp();
                case NONE -> 0L;
            });
        }
        bus.addPresenceListener(this::onPresence);
        // t = 0: members in the raid join it, then everyone online logs in (a login inside a group counts as
        // joining it: VER and BSREQ 2 s later, spec 6(d)); offline members stay out
        for (RosterEntry e : s.roster()) {
            if (e.start() == ClientSettings.Start.OFFLINE) {
                explicitlyOffline[e.id()] = true;
                bus.setPresence(e.id(), Presence.OFFLINE);
            } else if (e.start() == ClientSettings.Start.IN_RAID) {
                bus.join(e.id());
            }
        }
        for (RosterEntry e : s.roster()) {
            if (e.start() != ClientSettings.Start.OFFLINE) {
                clients[e.id()].enterWorld();
            }
            if (e.start() == ClientSettings.Start.IN_RAID) {
                recorder.memberJoined(0, e.id());
            }
        }
    }

    /** The channel configuration a scenario's {@code channel:} section describes. */
    static ChannelConfig channelConfig(ChannelSpec c, LoadedScenario s) {
        RealmLimits realm = RealmLimits.named(c.realm().name().toLowerCase(Locale.ROOT));
        if (c.messageLimit() != null) {
            realm = new RealmLimits(realm.profile(), c.messageLimit(), realm.limitCountsPrefix(),
                    realm.whisperSupported(), realm.rejectLineBreaks(), realm.oversize());
        }
        realm = realm.withWhisper(c.whisper()).withOversize(c.tooLong().name().toLowerCase(Locale.ROOT));
        ThrottleConfig throttle = ThrottleConfig.ctl().withRates(c.ctl().maxCps(), c.ctl().burst())
                .withOverhead(c.ctl().overhead()).withMinFps(c.ctl().minFps())
                .withMaxMessageBytes(c.ctl().maxMessageOn(c.realm()))
                .withMode(mode(c.throttle()));
        ServerConfig server = switch (c.server().onExceed()) {
            case NONE -> ServerConfig.unlimited();
            case DISCONNECT, DROP -> ServerConfig.defaults().withLimit(c.server().rate(), c.server().burst())
                    .withOverflow(c.server().onExceed().name().toLowerCase(Locale.ROOT),
                            c.server().offlineFor().micros());
        };
        double fps = s.scenario().raid().defaults().fps() != null ? s.scenario().raid().defaults().fps()
                : PresenceConfig.DEFAULT_FPS;
        return new ChannelConfig(realm, throttle, server, latency(c.latency()), loss(c.loss()),
                new PresenceConfig(fps, c.loadingScreen().micros()));
    }

    static LatencyConfig latency(Latency l) {
        if (l instanceof Latency.Fixed f) {
            return LatencyConfig.constant(f.delay().micros() / 1e3);
        }
        if (l instanceof Latency.Uniform u) {
            return LatencyConfig.uniform(u.min().micros() / 1e3, u.max().micros() / 1e3);
        }
        if (l instanceof Latency.Correlated c) {
            return LatencyConfig.correlated(c.median().micros() / 1e3, c.p95().micros() / 1e3,
                    c.correlationTime().micros() / 1e6, c.jitter().micros() / 1e3, c.uploadKbps(), c.downloadKbps());
        }
        Latency.LogNormal ln = (Latency.LogNormal) l;
        return LatencyConfig.logNormal(ln.median().micros() / 1e3, ln.p95().micros() / 1e3);
    }

    /** A scenario's throttle name as the channel takes it. */
    static ThrottleConfig.Mode mode(ThrottleMode m) {
        return ThrottleConfig.Mode.valueOf(m.name());
    }

    /** The scenario's {@code protocol.choices} as the clients take them. */
    static FixedChoices fixedChoices(ChoicesSpec c) {
        return new FixedChoices(c.rosterEventOnLogin(),
                FixedChoices.ChunkOrder.valueOf(c.chunkOrder().name()),
                AddonTimers.Order.valueOf(c.timerOrder().name()),
                FixedChoices.LuaRandom.valueOf(c.luaRandom().name()),
                LuaVersion.valueOf(c.lua().name()));
    }

    static LossConfig loss(Loss l) {
        if (l instanceof Loss.Bernoulli b) {
            return LossConfig.bernoulli(b.p());
        }
        if (l instanceof Loss.GilbertElliott g) {
            return LossConfig.gilbertElliott(g.toBad(), g.toGood(), g.lossGood(), g.lossBad());
        }
        return LossConfig.none();
    }

    private void onPresence(long now, int client, Presence presence) {
        SyncClient c = clients[client];
        switch (presence) {
            case OFFLINE -> {
                c.leaveWorld();
                recorder.memberLeft(now, client);
            }
            case LOADING -> {
                if (reloading[client]) {
                    c.leaveWorld();
                }
            }
            case ONLINE -> {
                if (reloading[client] || !c.snapshot().online()) {
                    reloading[client] = false;
                    c.enterWorld();
                    if (bus.isMember(client)) {
                        recorder.memberJoined(now, client);
                    }
                } else {
                    c.loadingScreen();
                }
            }
        }
    }

    @Override
    public void join(long now, int client) {
        if (bus.presence(client) == Presence.OFFLINE) {
            explicitlyOffline[client] = false;
            bus.setPresence(client, Presence.ONLINE);
        }
        bus.join(client);
        recorder.memberJoined(now, client);
    }

    @Override
    public void leave(long now, int client) {
        bus.leave(client);
        recorder.memberLeft(now, client);
    }

    @Override
    public void disconnect(long now, int client) {
        explicitlyOffline[client] = true;
        bus.setPresence(client, Presence.OFFLINE);
    }

    @Override
    public void reconnect(long now, int client) {
        explicitlyOffline[client] = false;
        bus.setPresence(client, Presence.ONLINE);
    }

    @Override
    public void reload(long now, int client, long loadingMicros) {
        if (bus.presence(client) != Presence.ONLINE) {
            return;
        }
        reloading[client] = true;
        bus.reload(client, now, loadingMicros);
    }

    @Override
    public void loadingScreen(long now, int client, long micros) {
        if (bus.presence(client) == Presence.ONLINE) {
            bus.loadingScreen(client, now, micros);
        }
    }

    @Override
    public void importData(long now, int client, List<Integer> changedSections) {
        clients[client].importSheet(nextSheet(changedSections));
        recorder.dataImported(now, client, clients[client].snapshot().assignmentsTimestamp());
    }

    @Override
    public void importPlainText(long now, int client, List<Integer> changedSections) {
        head(client, "import with path: plain-text").importPlainText(nextSheet(changedSections));
        recorder.dataImported(now, client, clients[client].snapshot().assignmentsTimestamp());
    }

    @Override
    public void exampleButton(long now, int client) {
        head(client, "example-button").exampleButton();
    }

    @Override
    public void options(long now, int client, Boolean liveSync, Boolean tankSync) {
        if (liveSync != null) {
            clients[client].setLiveSync(liveSync);
        }
        if (tankSync != null) {
            if (clients[client] instanceof SeedClient seed) {
                seed.setTankSync(tankSync);
            } else {
                head(client, "options with tank-sync").setTankSync(tankSync);
            }
        }
    }

    /** The client as a head client; the loader refuses head-only actions on other profiles (ProfileFeature). */
    private HeadClient head(int client, String what) {
        if (clients[client] instanceof HeadClient h) {
            return h;
        }
        throw new IllegalStateException(what + " needs a head client, " + clients[client].name() + " runs "
                + scenario.roster().get(client).profile());
    }

    /** The newest sheet with {@code changedSections} (null: all) changed; it becomes the newest. */
    private AssignmentSet nextSheet(List<Integer> changedSections) {
        SheetGenerator gen = new SheetGenerator(StartingSheets.sheetStream(scenario, "sheet/import/" + imports++));
        SortedSet<Integer> changed = changedSections == null ? StartingSheets.allSections(newest)
                : new TreeSet<>(changedSections);
        newest = gen.withChanges(newest, changed);
        return newest;
    }

    @Override
    public void navigate(long now, int client, int section) {
        clients[client].navigate(section);
    }

    /** Members in a loading screen or offline see no mark; the others navigate (their client ignores it offline). */
    @Override
    public void skullMark(long now, int section, List<Integer> autoNavigators) {
        for (int c : autoNavigators) {
            if (bus.presence(c) == Presence.ONLINE) {
                clients[c].navigate(section);
            }
        }
    }

    @Override
    public void syncAll(long now, int client) {
        clients[client].syncAll();
    }

    /** Only seed clients have a full-data pull; the loader refuses the action for other profiles. */
    @Override
    public void fullSync(long now, int client) {
        if (clients[client] instanceof SeedClient seed) {
            seed.requestFullData();
        }
    }

    @Override
    public void network(long now, int client, Latency latency, Loss loss) {
        bus.setLinkModels(client, latency == null ? null : latency(latency), loss == null ? null : loss(loss));
    }

    @Override
    public void rogue(long now, int client, Action.Rogue r, int k) {
        long forged = ClientClock.trueSeconds(epochSeconds, now) + r.ahead().micros() / 1_000_000L;
        switch (r.send()) {
            case GARBAGE -> {
                UniformRandomProvider rng = sim.random().stream("rogue/" + scenario.roster().get(client).name());
                int len = 8 + rng.nextInt(120);
                StringBuilder b = new StringBuilder(len);
                for (int i = 0; i < len; i++) {
                    b.append((char) (0x20 + rng.nextInt(0xFF - 0x20))); // no NUL, tab or line break
                }
                send(client, b.toString(), "ROGUE");
            }
            case TEXT -> send(client, r.text(), "ROGUE");
            case FUTURE_SECTION -> send(client, token(Command.SECTION) + ":" + forged + ":1", token(Command.SECTION));
            case REQUEST_ZERO -> send(client, token(Command.BSREQ) + ":0", token(Command.BSREQ));
            case FUTURE_PUSH -> {
                // a one-section forged sheet, small enough to go inline: BSEC then BSTR, as a push would (spec 3.4, 3.5)
                AssignmentSet fake = new SheetGenerator(sim.random().stream("rogue/sheet/" + k))
                        .generate(SheetSpec.of(1, 3, 4));
                EncodedSheet enc = DataSheets.encode(fake, forged);
                send(client, token(Command.BSEC) + ":" + forged + ":1:" + enc.sectionBlobs().get(0),
                        token(Command.BSEC));
                send(client, token(Command.BSTR) + ":" + forged + ":" + enc.structureBlob(), token(Command.BSTR));
            }
        }
    }

    private String token(Command c) {
        return spelling.token(c);
    }

    private void send(int client, String text, String command) {
        Distribution d = bus.raidMembers(client) > 0 ? Distribution.RAID : Distribution.PARTY;
        bus.send(client, PREFIX, text, d, AddonChannel.NO_TARGET, Priority.NORMAL, command);
    }

    @Override
    public boolean settled() {
        for (int c = 0; c < clients.length; c++) {
            if (bus.isMember(c) && !explicitlyOffline[c] && bus.presence(c) != Presence.ONLINE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void finish(long now) {
        for (SyncClient c : clients) {
            c.checkDesync();
        }
        bus.release();
    }

    /** The channel, for tests. */
    GroupBus bus() {
        return bus;
    }

    /** The clients, for tests. */
    List<SyncClient> clients() {
        return new ArrayList<>(List.of(clients));
    }
}
