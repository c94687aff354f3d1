package org.syncsim.protocol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.AddonMessageListener;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.SimTime;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.cpu.CpuMeter;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.Message;
import org.syncsim.protocol.wire.ParseResult;
import org.syncsim.protocol.wire.WireCodec;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * What every profile's client shares: identity, clocks and the addon timer table, the saved/runtime state
 * split of spec §4, the session lifecycle, example-data set-up, the Base64 import, {@code NavigateToSection} with its
 * {@code SECTION} broadcast and Tank Sync (§3.1, §3.9), the join reaction's {@code VER} (§6(d)), sending on the
 * group channel (§2.3), Lua-error handling and the ground-truth reporting behind time-to-sync, progress, desync and
 * snapshots.
 * A profile supplies only what differs: parsing and handlers, the pull a {@code ""} placeholder triggers, what an
 * import sends, what joining a group adds, and its desync test.
 *
 * <p>An abstract base rather than collaborators because the shared logic is a template around profile steps in a
 * fixed order (navigate → placeholder pull → process → broadcast → tanks; login → fresh runtime → roster reaction)
 * over one Lua state both halves read and write; collaborators would need a callback interface mirroring these hooks
 * and a shared state object passed everywhere.
 *
 * @param <R> the profile's runtime state ({@code TWRA.SYNC}), rebuilt on every login/reload
 */
public abstract class AddonClient<R extends AddonClient.Runtime> implements SyncClient {
    /** Group-join delay before {@code VER} (§6(d)). */
    protected static final double JOIN_DELAY = 2;
    /** Example.lua's section names (§5.1). */
    protected static final List<String> EXAMPLE_SECTIONS = List.of("Welcome", "Grand Widow Faerlina", "Thaddius");
    /** The addon's message prefix. */
    protected static final String PREFIX = Command.Prefix.TWRA.name();
    /** The marker byte that starts a compressed blob. */
    protected static final char MARKER = '\u00F1';

    /** Where a navigation came from; only {@link #FROM_SYNC} suppresses the SECTION broadcast (§3.1.1). */
    protected enum Source {
        USER, IMPORT, FROM_SYNC
    }

    /** A Lua runtime error: aborts the handler at the point it is thrown (counted, §12.2). */
    protected static final class LuaError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LuaError(String where) {
            super(where, null, false, false);
        }
    }

    /**
     * One entry of {@code TWRA_Assignments.data} as far as sync cares. {@code content} is the blob whose decoded
     * section the entry holds (null for a skeleton or example entry); Tank Sync reads the entry, not the cache.
     * {@code inherited} is the {@code Tank Columns} key the entry's earlier content had locally ({@code null}: none),
     * which {@code ProcessSectionData} keeps when the new section lacks the key ({@link #store}).
     */
    protected static final class SectionEntry {
        public final String name;
        public boolean needsProcessing;
        public String content;
        public List<Integer> inherited;

        public SectionEntry(String name, boolean needsProcessing, String content) {
            this.name = name;
            this.needsProcessing = needsProcessing;
            this.content = content;
        }
    }

    /**
     * {@code TWRA_CompressedAssignments} (§4.1). {@code missing} and {@code structureReference} are written only by
     * profiles that track them ({@code head}); for the others they stay empty/null.
     */
    protected static final class Compressed {
        public String structure;
        public TreeMap<Integer, String> sections = new TreeMap<>();
        public final TreeMap<Integer, String> missing = new TreeMap<>();
        public long timestamp;
        public String structureReference;

        public Compressed() {
        }
    }

    /** Persistent state (§4.1): survives reload. */
    protected static final class SavedVariables {
        public long a;
        public List<SectionEntry> data = new ArrayList<>();
        public int currentSection;
        public String currentSectionName;
        public boolean isExample;
        public Compressed compressed;
        public boolean liveSync;
        public boolean tankSync;
    }

    /** The runtime flags every profile has; a profile extends this with its own {@code TWRA.SYNC} fields. */
    protected static class Runtime {
        public boolean liveSync;
        public boolean tankSync;
        public int tankListeners;
        public Integer pendingSection;
        public boolean wasInGroup;
    }

    protected final ProtocolEnvironment env;
    protected final int id;
    protected final ClientConfig config;
    protected final WireCodec codec;
    protected final ClientClock clock;
    protected final AddonTimers timers;
    protected final UniformRandomProvider random;
    protected final MetricsRecorder metrics;
    /** This client's Lua CPU (a metric only: charging it delays nothing). */
    protected final CpuMeter cpu;
    protected final SavedVariables saved = new SavedVariables();
    protected R rt;
    /** The addon's LibCompress in this client's current Lua state (its reused tables matter under Lua 5.0). */
    protected LibCompress libCompress;
    protected boolean online;
    private long syncReportedFor = Long.MIN_VALUE;
    private final ProgressGauge gauge = new ProgressGauge();
    private double reportedProgress = Double.NaN;
    /** The stored data may have changed since progress was last judged. */
    private boolean dataChanged;
    /** {@link #dataChanged} before the data message being handled set it. */
    private boolean dataChangedBeforeMessage;

    /**
     * Builds the client, loads its initial saved data and registers it with the channel. All {@code math.random}
     * draws come from the stream {@code client/<name>/lua-random}, or with {@link FixedChoices.LuaRandom#SHARED}
     * from a generator seeded like every other client's.
     */
    protected AddonClient(ProtocolEnvironment env, int id, ClientConfig config, WireSpelling spelling) {
        this.env = env;
        this.id = id;
        this.config = config;
        this.codec = new WireCodec(spelling);
        this.clock = new ClientClock(env.sim(), env.epochSeconds(), config.wallOffsetMicros(), config.getTimeOrigin());
        this.timers = new AddonTimers(env.sim(), FrameClock.ofFps(config.fps(), config.frameOriginMicros()),
                config.choices().timerOrder(), work -> env.channel().runOnUpdate(id, work));
        this.random = config.choices().luaRandom() == FixedChoices.LuaRandom.SHARED
                ? RandomStreams.fresh(env.sim().random().masterSeed(), "lua-random/shared")
                : env.sim().random().stream("client/" + config.name() + "/lua-random");
        this.metrics = env.metrics();
        this.cpu = new CpuMeter(id, timers.frames(), env.cpu(), metrics, env.sim()::now);
        this.rt = newRuntime();
        saved.liveSync = config.liveSync();
        saved.tankSync = config.tankSync();
        env.truth().watch(this::judgeProgress);
        loadInitialData(config.initialData());
        judgeProgress();
        env.channel().register(id, new Receiver(), this::onRosterUpdate);
    }

    /** Saved variables from a previous session, or the example data of a fresh install. */
    private void loadInitialData(InitialData initial) {
        if (initial instanceof InitialData.Saved s) {
            EncodedSheet sheet = s.sheet();
            saved.a = s.timestamp();
            saved.isExample = false;
            saved.compressed = new Compressed();
            for (int i = 0; i < sheet.size(); i++) {
                saved.data.add(new SectionEntry(sheet.names().get(i), false, sheet.sectionBlobs().get(i)));
                saved.compressed.sections.put(i + 1, sheet.sectionBlobs().get(i));
            }
            saved.compressed.structure = sheet.structureBlob();
            saved.compressed.timestamp = s.timestamp();
            saved.currentSection = sheet.size() > 0 ? 1 : 0;
            saved.currentSectionName = sheet.size() > 0 ? sheet.names().get(0) : null;
            cpu.holdsDecoded(sheet);
            env.truth().publish(s.timestamp(), sheet, env.sim().now());
            syncReportedFor = s.timestamp();
        } else {
            saved.a = 0;
            saved.isExample = true;
            saved.compressed = null;
            for (String n : EXAMPLE_SECTIONS) {
                saved.data.add(new SectionEntry(n, true, null));
            }
            saved.currentSection = 1;
            saved.currentSectionName = EXAMPLE_SECTIONS.get(0);
        }
    }

    // ------------------------------------------------------------------------------------ profile hooks

    /** A fresh runtime state (login/reload). */
    protected abstract R newRuntime();

    /**
     * Parses a message that passed the prefix and own-echo filters; returns null after recording why it was
     * rejected.
     */
    protected abstract Message parse(long now, String prefix, String text, OutgoingMessage delivered);

    /**
     * {@code parser} applied to {@code text}, the text of {@code delivered} (null when the message came without
     * it): the first recipient of a sent message computes the result and the others read it
     * ({@link OutgoingMessage#derivedBy}). {@code parser} must be the run's one object for that parse
     * ({@link RunMemos}), since it is what tells the stored results apart.
     */
    protected static ParseResult sharedParse(OutgoingMessage delivered, String text,
            Function<String, ParseResult> parser) {
        if (delivered == null) {
            return parser.apply(text);
        }
        Object known = delivered.derivedBy(parser);
        if (known != null) {
            return (ParseResult) known;
        }
        ParseResult parsed = parser.apply(text);
        delivered.derive(parser, parsed);
        return parsed;
    }

    /** Runs the handler of a parsed message; a {@link LuaError} stops it there and is counted (as {@link #guarded}). */
    protected abstract void dispatch(Message m, int sender);

    /** What an import sends after storing the sheet ({@code ts} is its timestamp A). */
    protected abstract void afterImport(long ts);

    /** The pull {@code NavigateToSection} triggers for a {@code ""} placeholder, after noting it as pending. */
    protected abstract void requestPlaceholderSection(int index);

    /** {@code ProcessSectionData(i)}: decodes one stored section blob into its entry. */
    protected abstract void processSection(int i);

    /** The desync test's second half: this client, claiming the newest timestamp, holds other content. */
    protected abstract boolean holdsOtherContent();

    /** What the join reaction sends after {@code VER}, still grouped (default: nothing). */
    protected void onJoinedGroup() {
    }

    /**
     * False if joining a group sends nothing, so the join reaction ({@code VER}, {@link #onJoinedGroup}) is never
     * scheduled (default: it is, §6(d)).
     */
    protected boolean reactsToGroupJoin() {
        return true;
    }

    /**
     * The section an import navigates to: by default the previous section's name in the new sheet, or 1
     * (§3.1); {@code previousName} may be null.
     */
    protected int importTarget(EncodedSheet sheet, String previousName) {
        return Math.max(1, sheet.names().indexOf(previousName) + 1);
    }

    /** False while {@code NavigateToSection} is replaced by a variant that fires no {@code SECTION_CHANGED}. */
    protected boolean sectionChangedFires() {
        return true;
    }

    /** The version an import made now is stamped with (default: the addon's {@code time()}, B27). */
    protected long importTimestamp() {
        return clock.time();
    }

    /** False if this client does not broadcast its navigation as {@code SECTION} (default: it does, §3.1). */
    protected boolean announcesNavigation() {
        return true;
    }

    /** The {@code syncInProgress} flag as the snapshot shows it (false for profiles without one). */
    protected boolean syncInProgress() {
        return false;
    }

    // ------------------------------------------------------------------------------------ control methods

    @Override
    public final int id() {
        return id;
    }

    @Override
    public final String name() {
        return config.name();
    }

    public final ClientClock clock() {
        return clock;
    }

    public final AddonTimers timers() {
        return timers;
    }

    /** Virtual time of the next frame of this client at or after {@code t} (for tests and runners). */
    public final long frameAtOrAfter(long t) {
        return timers.frames().atOrAfter(t);
    }

    @Override
    public final void enterWorld() {
        timers.cancelAll();
        rt = newRuntime();
        libCompress = LibCompress.loaded(config.choices().lua());
        rt.liveSync = saved.liveSync;
        rt.tankSync = saved.tankSync;
        rt.tankListeners = saved.liveSync && saved.tankSync ? 1 : 0;
        online = true;
        if (config.choices().rosterEventOnLogin() && inGroup()) {
            onRosterUpdate(env.sim().now());
        }
    }

    @Override
    public final void leaveWorld() {
        timers.cancelAll();
        online = false;
    }

    @Override
    public final void reload() {
        leaveWorld();
        enterWorld();
    }

    @Override
    public final void loadingScreen() {
        // PLAYER_ENTERING_WORLD: re-activates the liveSync flag from saved options and refreshes the UI only.
        rt.liveSync = saved.liveSync;
    }

    @Override
    public final void setLiveSync(boolean on) {
        saved.liveSync = on;
        rt.liveSync = on;
    }

    /** The options checkbox for Tank Sync: turning it on registers one more listener each time (B32). */
    public final void setTankSync(boolean on) {
        saved.tankSync = on;
        rt.tankSync = on;
        if (on) {
            rt.tankListeners++;
        }
    }

    /**
     * Import: A = C = {@code time()}, every section stored, navigation to {@link #importTarget}, which broadcasts
     * {@code SECTION} if liveSync is on; then the profile's {@link #afterImport}.
     */
    @Override
    public final void importSheet(SheetSource source) {
        if (!online) {
            return;
        }
        long now = env.sim().now();
        long ts = importTimestamp();
        guarded("import", () -> {
            EncodedSheet sheet = source.encodeAt(ts, libCompress, config.player());
            cpu.importSheet(sheet);
            String previousName = saved.currentSectionName;
            saved.a = ts;
            saved.isExample = false;
            saved.data = new ArrayList<>();
            Compressed c = new Compressed();
            for (int i = 0; i < sheet.size(); i++) {
                saved.data.add(new SectionEntry(sheet.names().get(i), false, sheet.sectionBlobs().get(i)));
                c.sections.put(i + 1, sheet.sectionBlobs().get(i));
            }
            c.structure = sheet.structureBlob();
            c.timestamp = ts;
            saved.compressed = c;
            dataChanged = true;
            env.truth().publish(ts, sheet, now);
            navigateTo(importTarget(sheet, previousName), Source.IMPORT);
        });
        afterImport(ts);
        checkSynced();
    }

    @Override
    public void navigate(int index) {
        if (online) {
            guarded("navigate", () -> navigateTo(index, Source.USER));
            judgeProgressIfChanged();
        }
    }

    /** {@code /twra version}: broadcasts VER (§3.8). */
    public final void slashVersion() {
        if (online) {
            sendVersion();
        }
    }

    // ------------------------------------------------------------------------------------- receive path

    /** The client's {@code CHAT_MSG_ADDON} handler, with or without the sent message (see {@link #sharedParse}). */
    private final class Receiver implements AddonMessageListener {
        @Override
        public void onAddonMessage(long now, String prefix, String text, Distribution distribution, int sender) {
            receive(now, prefix, text, sender, null);
        }

        @Override
        public void onAddonMessage(long now, OutgoingMessage m) {
            receive(now, m.prefix(), m.text(), m.sender(), m);
        }
    }

    /** {@code OnChatMsgAddon} (§2.2): own echo and foreign prefixes dropped, then parsed and routed by the profile. */
    private void receive(long now, String prefix, String text, int sender, OutgoingMessage delivered) {
        if (!online || sender == id || !PREFIX.equals(prefix)) {
            return;
        }
        cpu.message(text.length());
        Message m = parse(now, prefix, text, delivered);
        if (m == null) {
            return;
        }
        if (m.command().carriesData()) {
            dataChangedBeforeMessage = dataChanged;
            dataChanged = true;
        }
        try { // guarded(), without a lambda per delivery
            dispatch(m, sender);
        } catch (LuaError e) {
            aborted(m.command().token(), e);
        }
        checkSynced();
    }

    /**
     * {@code RAID_ROSTER_UPDATE}/{@code PARTY_MEMBERS_CHANGED} → {@code OnGroupChanged} (§6(d) step 1): the first
     * event "in group" since login/reload sends {@code VER} {@value #JOIN_DELAY} s later, then
     * {@link #onJoinedGroup}; nothing if the profile {@link #reactsToGroupJoin does not react}.
     */
    private void onRosterUpdate(long now) {
        if (!online) {
            return;
        }
        boolean grouped = inGroup();
        if (grouped && !rt.wasInGroup && reactsToGroupJoin()) {
            timers.schedule(JOIN_DELAY, () -> guarded("group join", () -> {
                if (inGroup()) {
                    sendVersion();
                    onJoinedGroup();
                }
            }));
        }
        rt.wasInGroup = grouped;
    }

    // -------------------------------------------------------------------------------------- send path

    /**
     * {@code NavigateToSection(index, source)} (§3.1.1): out-of-range refused, example data (no compressed cache)
     * a Lua error, a {@code ""} placeholder noted as pending and pulled ({@link #requestPlaceholderSection}), the
     * entry processed if needed, then {@code SECTION_CHANGED} unless suppressed.
     */
    protected final void navigateTo(int index, Source source) {
        int n = saved.data.size();
        if (index < 1 || index > n) {
            return;
        }
        if (saved.compressed == null) {
            throw new LuaError("NavigateToSection: TWRA_CompressedAssignments is nil (example data)");
        }
        String blob = saved.compressed.sections.get(index);
        if ("".equals(blob) && !saved.isExample) {
            rt.pendingSection = index;
            requestPlaceholderSection(index);
        }
        SectionEntry e = saved.data.get(index - 1);
        if (e.needsProcessing && blob != null) {
            dataChanged = true; // processing may mark the section missing or clear its mark
            processSection(index);
        }
        saved.currentSection = index;
        saved.currentSectionName = e.name;
        if (sectionChangedFires()) {
            sectionChanged(index, source);
        }
    }

    /**
     * {@code SECTION_CHANGED} listeners in registration order: the sync broadcast (§3.1), then each Tank Sync
     * listener (§3.9, B32), any source including {@code fromSync}.
     */
    private void sectionChanged(int index, Source source) {
        if (source != Source.FROM_SYNC && rt.liveSync && inGroup() && announcesNavigation()) {
            send(new Message.Section(saved.a, index));
        }
        for (int k = 0; k < rt.tankListeners; k++) {
            updateTanks(index);
        }
    }

    /**
     * {@code UpdateTanks} (§3.9): if Tank Sync is on, oRA2 is loaded and the current section's entry has
     * {@code Tank Columns}, {@code MT CLEAR} then {@code SET <i> <name|Empty>} for i = 1..10 on RAID; names by
     * {@link TankList}, read from the decoded entry (what the client displays), not from the compressed cache, with
     * this client's local key ({@link #localTankColumns}).
     */
    private void updateTanks(int index) {
        if (!rt.tankSync || !config.oRA2Loaded()) {
            return;
        }
        SectionEntry e = saved.data.get(index - 1);
        Optional<Section> section = e.content == null ? Optional.empty() : env.decoder().section(e.content);
        Optional<List<String>> slots = section.flatMap(s -> TankList.of(s.withTankColumns(localTankColumns(e, s))));
        if (slots.isEmpty()) {
            return;
        }
        sendOn(new Message.TankClear(), Distribution.RAID);
        List<String> names = slots.get();
        for (int slot = 1; slot <= names.size(); slot++) {
            sendOn(new Message.TankSet(slot, names.get(slot - 1)), Distribution.RAID);
        }
    }

    /**
     * The entry's {@code Tank Columns} key as this client stores it ({@code null}: none): the decoded section's
     * key, else the one its earlier content had, completed by this player's own {@code ProcessPlayerInfo} when the
     * section mentions it ({@link org.syncsim.protocol.data.PlayerView#localTankColumns}).
     */
    private List<Integer> localTankColumns(SectionEntry e, Section decoded) {
        return config.player().localTankColumns(decoded, e.inherited);
    }

    /**
     * Stores a decoded blob in an entry ({@code ProcessSectionData}): if the entry held another section, that
     * section's local {@code Tank Columns} stays in the metadata of the new one unless the new one has the key
     * ({@code core/DataProcessing.lua:751-775} copies the old metadata's keys the new one lacks). A skeleton entry
     * (fresh from the structure, {@code BuildSkeletonFromStructure}) has no metadata to keep.
     */
    protected final void store(SectionEntry e, String blob) {
        if (e.content != null && !e.content.equals(blob)) {
            Optional<Section> old = env.decoder().section(e.content);
            e.inherited = old.isPresent() ? localTankColumns(e, old.get()) : e.inherited;
        }
        e.content = blob;
    }

    protected final void sendVersion() {
        send(versionMessage());
    }

    /** This client's {@code VER:<major>.<minor>.<patch>} from {@link #announcedVersion()}. */
    protected final Message.Version versionMessage() {
        int[] v = parseVersion(announcedVersion());
        return new Message.Version(v[0], v[1], v[2]);
    }

    /** The version this client announces and compares with (default: its configured addon version). */
    protected String announcedVersion() {
        return config.version();
    }

    protected static int[] parseVersion(String s) {
        String[] p = s.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    /** {@code TWRA:SendAddonMessage} (§2.3): RAID if in a raid, else PARTY, else refused. */
    protected final boolean send(Message m) {
        Distribution d = groupDistribution();
        if (d == null) {
            return false;
        }
        sendOn(m, d);
        return true;
    }

    protected final void sendOn(Message m, Distribution d) {
        String text = codec.format(m);
        cpu.message(text.length());
        env.channel().send(id, WireCodec.prefixOf(m), text, d, AddonChannel.NO_TARGET, priorityOf(m.command()),
                codec.spelling().token(m.command()));
    }

    /** The ChatThrottleLib priority this client gives {@code command} (the addon: NORMAL, unused when unthrottled). */
    protected Priority priorityOf(Command command) {
        return Priority.NORMAL;
    }

    /** RAID if in a raid, else PARTY, else null (not grouped). */
    protected final Distribution groupDistribution() {
        if (env.channel().raidMembers(id) > 0) {
            return Distribution.RAID;
        }
        if (env.channel().partyMembers(id) > 0) {
            return Distribution.PARTY;
        }
        return null;
    }

    protected final boolean inGroup() {
        return groupDistribution() != null;
    }

    // ----------------------------------------------------------------------------------------- helpers

    /** {@code TWRA_CompressedAssignments}, created empty if nil. */
    protected final Compressed compressed() {
        if (saved.compressed == null) {
            saved.compressed = new Compressed();
        }
        return saved.compressed;
    }

    /** The parsed message, or null after counting a rejection as malformed. */
    protected final Message acceptedOrCounted(long now, ParseResult parsed) {
        if (parsed instanceof ParseResult.Rejected r) {
            metrics.messageMalformed(now, id, r.reason() + (r.command() == null ? "" : " " + r.command()));
            return null;
        }
        return ((ParseResult.Parsed) parsed).message();
    }

    /** Runs a handler; a {@link LuaError} stops it where it was thrown and is counted. */
    protected final void guarded(String what, Runnable body) {
        try {
            body.run();
        } catch (LuaError e) {
            aborted(what, e);
        }
    }

    /**
     * {@code ScheduleTimer} with the addon's unprotected callback (§2.5, B28): a {@link LuaError} in {@code body} is
     * counted like an aborted handler, and the timer stays in the table, ending that frame's pass over this client's
     * timers and firing (and raising) again every frame until {@code body} returns or the timer is cancelled.
     */
    protected final AddonTimers.Handle scheduleUnprotected(double delaySeconds, String what, Runnable body) {
        return timers.scheduleUnprotected(delaySeconds, () -> {
            try {
                body.run();
                return AddonTimers.Outcome.RETURNED;
            } catch (LuaError e) {
                aborted(what, e);
                return AddonTimers.Outcome.RAISED;
            }
        });
    }

    /** Counts a handler that a {@link LuaError} stopped. */
    private void aborted(String what, LuaError e) {
        metrics.handlerAborted(env.sim().now(), id, what, e.getMessage());
    }

    /**
     * Reports the client's progress if its stored data may have changed since it was last judged, and time-to-sync
     * the first time it holds the newest complete data. Called after every handler that may store data.
     */
    protected final void checkSynced() {
        judgeProgressIfChanged();
        if (!env.truth().isPresent() || syncReportedFor == env.truth().timestamp()) {
            return;
        }
        if (holdsTruth()) {
            syncReportedFor = env.truth().timestamp();
            metrics.clientSynced(env.sim().now(), id, syncReportedFor);
        }
    }

    /** True if A, C, the structure and every section equal the ground truth and nothing is marked missing. */
    protected final boolean holdsTruth() {
        Compressed c = saved.compressed;
        return c != null && env.truth().heldBy(saved.a, c.timestamp, saved.data.size(), c.structure, c.sections,
                c.missing);
    }

    /** True if this client holds the newest complete data. */
    public final boolean isSynced() {
        return env.truth().isPresent() && holdsTruth();
    }

    /**
     * Marks the stored data as changed outside a received data message ({@link Command#carriesData}), an import or a
     * navigation (which the base class notices itself), so that the next {@link #checkSynced} judges progress again.
     */
    protected final void storedDataChanged() {
        dataChanged = true;
    }

    /**
     * Called by the handler of a data message ({@link Command#carriesData}) that found what it stores already
     * stored (the very same blob, no timestamp raised, no mark cleared): progress need not be judged again for it.
     * A storm redelivers every section to every member dozens of times, and judging walks the whole sheet.
     */
    protected final void storedNothingNew() {
        dataChanged = dataChangedBeforeMessage;
    }

    /** This client's progress toward the newest data now, as {@link ProgressGauge} defines it (1 iff synced). */
    public final double progress() {
        Compressed c = saved.compressed;
        return c == null ? 0 : gauge.fraction(env.truth(), saved.a, c.timestamp, saved.data.size(), c.structure,
                c.sections, c.missing);
    }

    private void judgeProgressIfChanged() {
        if (dataChanged) {
            judgeProgress();
        }
    }

    /**
     * Judges progress and reports it when it differs from the last report: on the stored data changing and on newer
     * data being published, never per delivery of a message that stores nothing.
     */
    private void judgeProgress() {
        dataChanged = false;
        double p = progress();
        if (p != reportedProgress) {
            reportedProgress = p;
            metrics.progress(env.sim().now(), id, p);
        }
    }

    @Override
    public final boolean checkDesync() {
        if (env.truth().isPresent() && saved.a == env.truth().timestamp() && holdsOtherContent()) {
            metrics.desyncDetected(env.sim().now(), id, saved.a);
            return true;
        }
        return false;
    }

    @Override
    public final ClientSnapshot snapshot() {
        Compressed c = saved.compressed;
        List<String> names = new ArrayList<>();
        for (SectionEntry e : saved.data) {
            names.add(e.name);
        }
        return new ClientSnapshot(config.name(), saved.a, c == null ? 0 : c.timestamp, c != null, List.copyOf(names),
                c == null ? new TreeMap<>() : new TreeMap<>(c.sections), c == null ? null : c.structure,
                c == null ? new TreeMap<>() : new TreeMap<>(c.missing), saved.currentSection, saved.isExample,
                syncInProgress(), online);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config.name() + " A=" + saved.a + " t="
                + SimTime.format(env.sim().now()) + "]";
    }
}
