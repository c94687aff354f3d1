package org.syncsim.channel.throttle;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.SendOrigin;
import org.syncsim.engine.Action;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.Simulation;
import org.syncsim.engine.Timer;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;

/**
 * One client's ChatThrottleLib (Mikk's public-domain library, v24 algorithm as described in addon-channel.md,
 * "ChatThrottleLib"): a global byte budget refilled at {@code MAX_CPS} and capped at {@code BURST} (clamped harder
 * for 5 s after login or a loading screen and at low frame rates); a message is sent at once when nothing is queued
 * and its cost is below the budget, else appended to its pipe (prefix + distribution + target) in its priority's
 * ring. On the client's frames, once 0.08 s of frame time has accumulated, the budget is split equally among the
 * priorities that have work, and each priority sends while its own budget is strictly greater than the next
 * message's cost, rotating over its pipes after every message.
 *
 * <p>Frames are not ticked: the despooler schedules itself on the frame at which it will next act. Which frame first
 * sees a send follows {@link SendOrigin}. Times are the library's: {@code GetTime()} as a double ({@link #getTime}),
 * frame durations as differences of it summed in {@code OnUpdateDelay}, so exact ties (four 50 fps frames against
 * 0.08 s, a despool on the last instant of the 5 s clamp) fall on the side the library's arithmetic puts them.
 */
public final class ChatThrottleLib implements Throttle {
    /** {@code GetTime()} at virtual time 0: the clients' default, which every scenario client uses. */
    static final double GET_TIME_ORIGIN_SECONDS = FrameClock.DEFAULT_GET_TIME_ORIGIN_SECONDS;

    private final ThrottleConfig cfg;
    private final int client;
    private final Simulation sim;
    private final ThrottleSink sink;
    private final MetricsRecorder metrics;
    /** Rings indexed by position in {@link ThrottleConfig#priorityOrder()}. */
    private final Ring[] rings = new Ring[3];
    private final double[] prioAvail = new double[3];
    private final int[] ringOfPriority = new int[3];
    private final Action act = this::onActFrame;

    private double avail;
    /** {@code LastAvailUpdate}, a {@link #getTime} value. */
    private double lastAvailUpdate;
    /** {@code HardThrottlingBeginTime}, a {@link #getTime} value. */
    private double hardThrottleStart;
    /** {@code bQueueing}: something was queued and the despooler has not yet found everything empty. */
    private boolean queueing;
    /** The OnUpdate frame is shown (the despooler runs on frames). */
    private boolean shown;
    private boolean suspended;
    private FrameClock clock;
    /** {@code OnUpdateDelay}: frame time, in seconds, counted up to the frame {@link #anchor}. */
    private double onUpdateDelay;
    /** The last frame instant whose duration is counted in {@link #onUpdateDelay}; later frames are not yet. */
    private long anchor;
    /** The act armed for the current instant has already yielded once to the events of that instant. */
    private boolean deferred;
    private Timer timer;
    private int queuedCount;
    private long queuedBytes;
    /** Bumped by {@link #discard} so that a despool loop interrupted by a disconnect stops. */
    private int epoch;

    public ChatThrottleLib(ThrottleConfig cfg, int client, Simulation sim, ThrottleSink sink, MetricsRecorder metrics,
            double fps, long frameOrigin) {
        this.cfg = cfg;
        this.client = client;
        this.sim = sim;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = FrameClock.ofFps(fps, frameOrigin);
        for (int i = 0; i < 3; i++) {
            rings[i] = new Ring();
            ringOfPriority[cfg.priorityOrder().get(i).ordinal()] = i;
        }
        login(sim.now(), sim.now());
    }

    /** The message's cost: text + prefix + 1 separator + {@code MSG_OVERHEAD} (vanilla code path). */
    public int cost(OutgoingMessage m) {
        return m.wireLength() + cfg.overheadBytes();
    }

    /** The global budget {@code avail} as last updated (for tests and the CLI). */
    public double avail() {
        return avail;
    }

    @Override
    public int queuedMessages() {
        return queuedCount;
    }

    @Override
    public void submit(OutgoingMessage m, long now, SendOrigin origin) {
        if (origin == SendOrigin.ONUPDATE_TIMER && timer != null && timer.isPending() && timer.dueAt() == now) {
            sim.cancel(timer);
            act(now);
        }
        if (cfg.maxMessageBytes() > 0 && m.wireLength() > cfg.maxMessageBytes()) {
            sink.reject(m, now, DropReason.TOO_LONG);
            return;
        }
        int size = cost(m);
        if (!queueing && size < updateAvail(now)) {
            avail -= size;
            sink.leave(m, now, 0);
            return;
        }
        Ring ring = rings[ringOfPriority[m.priority().ordinal()]];
        String name = m.prefix() + '\t' + m.distribution() + '\t' + m.target();
        Pipe pipe = ring.byName.get(name);
        if (pipe == null) {
            pipe = new Pipe(name);
            ring.byName.put(name, pipe);
            ring.add(pipe);
        }
        pipe.messages.addLast(m);
        queuedCount++;
        queuedBytes += size;
        queueing = true;
        metrics.messageQueued(now, m.id(), m.sender(), m.command(), m.bytes());
        metrics.throttleQueue(now, client, queuedCount, queuedBytes);
        show(now, origin);
    }

    /** {@code GetTime()} at virtual instant {@code t}, as the library reads it. */
    private static double getTime(long t) {
        return GET_TIME_ORIGIN_SECONDS + t / 1e6;
    }

    /** {@code UpdateAvail()}: refill by elapsed time, clamped as the library does, never below -2 x MAX_CPS. */
    private double updateAvail(long now) {
        double maxCps = cfg.maxCps();
        double time = getTime(now);
        double newAvail = maxCps * (time - lastAvailUpdate);
        if (time - hardThrottleStart < cfg.hardClampMicros() / 1e6) {
            avail = Math.min(avail + newAvail * 0.1, maxCps * 0.5);
        } else if (clock.fps() < cfg.minFps()) {
            avail = Math.min(maxCps, avail + newAvail * 0.5);
        } else {
            avail = Math.min(cfg.burst(), avail + newAvail);
        }
        avail = Math.max(avail, -2 * maxCps);
        lastAvailUpdate = time;
        return avail;
    }

    private void show(long now, SendOrigin origin) {
        if (shown) {
            return;
        }
        shown = true;
        onUpdateDelay = 0;
        long frame = clock.atOrAfter(now);
        anchor = origin == SendOrigin.EVENT_HANDLER && frame == now ? clock.instant(clock.indexAtOrBefore(now) - 1)
                : clock.atOrBefore(now);
        if (!suspended) {
            scheduleAct();
        }
    }

    /** Adds the durations of the frames after {@link #anchor} up to {@code frame} to {@link #onUpdateDelay}. */
    private void countFramesUpTo(long frame) {
        long k = clock.indexAtOrBefore(anchor);
        while (anchor < frame) {
            long next = clock.instant(++k);
            onUpdateDelay += getTime(next) - getTime(anchor);
            anchor = next;
        }
    }

    /** Arms the timer on the first frame after {@link #anchor} where {@code OnUpdateDelay} is no longer < 0.08 s. */
    private void scheduleAct() {
        double interval = cfg.despoolIntervalMicros() / 1e6;
        double delay = onUpdateDelay;
        long k = clock.indexAtOrBefore(anchor);
        long frame = anchor;
        do {
            long next = clock.instant(++k);
            delay += getTime(next) - getTime(frame);
            frame = next;
        } while (delay < interval);
        deferred = false;
        if (timer == null) {
            timer = sim.schedule(frame, act);
        } else {
            sim.reschedule(timer, frame);
        }
    }

    /**
     * The act's frame has come. It yields once to the end of the instant, so that every event already due at this
     * instant is handled first (events precede OnUpdate, {@link SendOrigin}); a timer send at this instant runs it
     * at once instead ({@link #submit}).
     */
    private void onActFrame(long now) {
        if (!deferred) {
            deferred = true;
            sim.reschedule(timer, now);
            return;
        }
        act(now);
    }

    /** The OnUpdate handler on the frame where 0.08 s have accumulated. */
    private void act(long now) {
        onUpdateDelay = 0;
        anchor = now;
        updateAvail(now);
        if (avail < 0) {
            scheduleAct();
            return;
        }
        int n = 0;
        for (int i = 0; i < 3; i++) {
            if (rings[i].pos != null || prioAvail[i] < 0) {
                n++;
            }
        }
        if (n < 1) {
            for (int i = 0; i < 3; i++) {
                avail += prioAvail[i];
                prioAvail[i] = 0;
            }
            queueing = false;
            shown = false;
            return;
        }
        double share = avail / n;
        avail = 0;
        int myEpoch = epoch;
        for (int i = 0; i < 3; i++) {
            Ring ring = rings[i];
            if (ring.pos != null || prioAvail[i] < 0) {
                prioAvail[i] += share;
                if (ring.pos != null && prioAvail[i] > cost(ring.pos.messages.peekFirst())) {
                    despool(i, now);
                    if (epoch != myEpoch) {
                        return;
                    }
                }
            }
        }
        metrics.throttleQueue(now, client, queuedCount, queuedBytes);
        scheduleAct();
    }

    private void despool(int i, long now) {
        Ring ring = rings[i];
        int myEpoch = epoch;
        while (ring.pos != null) {
            Pipe pipe = ring.pos;
            int size = cost(pipe.messages.peekFirst());
            if (!(prioAvail[i] > size)) {
                return;
            }
            OutgoingMessage m = pipe.messages.pollFirst();
            if (pipe.messages.isEmpty()) {
                ring.remove(pipe);
                ring.byName.remove(pipe.name);
            } else {
                ring.pos = pipe.next;
            }
            prioAvail[i] -= size;
            queuedCount--;
            queuedBytes -= size;
            sink.leave(m, now, now - m.offeredAt());
            if (epoch != myEpoch) {
                return;
            }
        }
    }

    @Override
    public void setFps(long now, double fps) {
        long lastFrame = clock.atOrBefore(now);
        if (shown && !suspended) {
            countFramesUpTo(lastFrame);
        }
        clock = FrameClock.ofFps(fps, lastFrame);
        if (shown && !suspended) {
            scheduleAct();
        }
    }

    @Override
    public void suspend(long now) {
        if (suspended) {
            return;
        }
        if (shown) {
            countFramesUpTo(clock.atOrBefore(now));
            sim.cancel(timer);
        }
        suspended = true;
    }

    /**
     * {@code PLAYER_ENTERING_WORLD}: {@code avail = 0} and the 5-second hard clamp restarts. The first frame after a
     * loading screen carries the whole time without frames, so the despooler (if shown) acts on that frame.
     */
    @Override
    public void enterWorld(long now) {
        avail = 0;
        hardThrottleStart = getTime(now);
        if (suspended) {
            suspended = false;
            if (shown) {
                long beforeFirst = clock.instant(clock.indexAtOrBefore(clock.atOrAfter(now)) - 1);
                onUpdateDelay += getTime(beforeFirst) - getTime(anchor);
                anchor = beforeFirst;
                scheduleAct();
            }
        }
    }

    @Override
    public void discard(long now, DropReason reason) {
        epoch++;
        sim.cancel(timer);
        shown = false;
        queueing = false;
        for (int i = 0; i < 3; i++) {
            Ring ring = rings[i];
            while (ring.pos != null) {
                Pipe pipe = ring.pos;
                ring.remove(pipe);
                for (OutgoingMessage m : pipe.messages) {
                    sink.reject(m, now, reason);
                }
            }
            ring.byName.clear();
            prioAvail[i] = 0;
        }
        if (queuedCount != 0) {
            queuedCount = 0;
            queuedBytes = 0;
            metrics.throttleQueue(now, client, 0, 0);
        }
    }

    /**
     * {@code Init} when the library loads sets {@code LastAvailUpdate}; {@code PLAYER_ENTERING_WORLD} at the end of
     * the loading screen zeroes {@code avail} and restarts the clamp but keeps {@code LastAvailUpdate}, so the first
     * update after login credits a tenth of the whole loading screen (up to {@code MAX_CPS / 2}).
     */
    @Override
    public void login(long loadedAt, long now) {
        avail = 0;
        lastAvailUpdate = getTime(loadedAt);
        hardThrottleStart = getTime(now);
        suspended = false;
    }

    /** A FIFO of messages sharing prefix, distribution and target. */
    private static final class Pipe {
        final String name;
        final ArrayDeque<OutgoingMessage> messages = new ArrayDeque<>();
        Pipe next;
        Pipe prev;

        Pipe(String name) {
            this.name = name;
        }
    }

    /** A priority's circular list of pipes; {@code pos} is the pipe served next. Lookup by name only, no iteration. */
    private static final class Ring {
        final Map<String, Pipe> byName = new HashMap<>();
        Pipe pos;

        /** Inserts just before {@code pos}: the new pipe is served after all existing ones. */
        void add(Pipe p) {
            if (pos == null) {
                p.next = p;
                p.prev = p;
                pos = p;
            } else {
                p.prev = pos.prev;
                p.prev.next = p;
                p.next = pos;
                pos.prev = p;
            }
        }

        void remove(Pipe p) {
            if (p.next == p) {
                pos = null;
            } else {
                p.next.prev = p.prev;
                p.prev.next = p.next;
                if (pos == p) {
                    pos = p.next;
                }
            }
            p.next = null;
            p.prev = null;
        }
    }
}
