package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.PresenceConfig;
import org.syncsim.channel.Priority;
import org.syncsim.channel.throttle.ChatThrottleLib;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.channel.throttle.ThrottleSink;
import org.syncsim.engine.EventCapExceededException;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim throttle}: the ChatThrottleLib model alone on a burst the user describes; prints when each message
 * leaves the client and how long it waited, plus totals.
 */
@Command(
        name = "throttle",
        mixinStandardHelpOptions = true,
        description = {
            "Run the ChatThrottleLib model alone on a burst of addon messages.",
            "Prints when each message leaves the client and how long it waited, then totals.",
            "Example: how long does a 60 KB push take at 30 fps?",
            "  syncsim throttle --count 245 --size 245 --fps 30"
        })
public final class ThrottleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", description = "Number of messages in the burst, all offered at once (default ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int count;

    @Option(names = "--size", description = "Bytes of text per message, without prefix and separator (default ${DEFAULT-VALUE}).",
            defaultValue = "245")
    int size;

    @Option(names = "--priority", description = "ALERT, NORMAL or BULK (default ${DEFAULT-VALUE}).",
            defaultValue = "NORMAL")
    String priority;

    @Option(names = "--file", description = "Burst as lines 'time priority size [pipe]' (time in seconds from the start "
            + "of the burst; '#' starts a comment). Replaces --count/--size/--priority.")
    Path file;

    @Option(names = "--fps", description = "The client's frame rate (default ${DEFAULT-VALUE}).",
            defaultValue = "" + PresenceConfig.DEFAULT_FPS)
    double fps;

    @Option(names = "--max-cps", description = "MAX_CPS, bytes per second (default ${DEFAULT-VALUE}).",
            defaultValue = "" + ThrottleConfig.CTL_MAX_CPS)
    double maxCps;

    @Option(names = "--burst", description = "BURST, bytes (default ${DEFAULT-VALUE}).",
            defaultValue = "" + ThrottleConfig.CTL_BURST)
    double burst;

    @Option(names = "--overhead", description = "MSG_OVERHEAD, bytes per message (default ${DEFAULT-VALUE}).",
            defaultValue = "" + ThrottleConfig.CTL_MSG_OVERHEAD)
    int overhead;

    @Option(names = "--min-fps", description = "MIN_FPS (default ${DEFAULT-VALUE}).",
            defaultValue = "" + ThrottleConfig.CTL_MIN_FPS)
    double minFps;

    @Option(names = "--max-message", description = "The library's own limit on prefix + 1 + text; 0 = none "
            + "(default ${DEFAULT-VALUE}, vanilla path).", defaultValue = "" + ThrottleConfig.CTL_MAX_MESSAGE_BYTES)
    int maxMessage;

    @Option(names = "--prefix", description = "Addon prefix (default ${DEFAULT-VALUE}).", defaultValue = "TWRA")
    String prefix;

    @Option(names = "--since-login", description = "Seconds between login and the burst; under 5 the post-login "
            + "clamp applies (default ${DEFAULT-VALUE}).", defaultValue = "60")
    double sinceLogin;

    /**
     * Events the model may run before the command gives up (a budget refilled at a tiny {@code --max-cps} would keep
     * the despooler acting for ever). One act per 0.08 s: far beyond any real burst.
     */
    static final long MAX_EVENTS = 1_000_000;

    /**
     * Most messages in a burst ({@code --count} or lines of {@code --file}): the command keeps and prints every
     * one, and a whole 40-member raid's pushes of a large sheet are a few thousand.
     */
    static final int MAX_MESSAGES = 100_000;

    /** Most bytes of text per message: far above any realm's limit (2042 characters on Turtle WoW). */
    static final int MAX_SIZE = 65_535;

    /** One message of the burst. */
    record Entry(double time, Priority priority, int size, String pipe) {
    }

    private record Outcome(long leftAt, long waited, DropReason rejected) {
    }

    @Override
    public Integer call() {
        ThrottleConfig cfg = config();
        if (file != null) {
            for (String o : List.of("--count", "--size", "--priority")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new BadInputException("--file describes the burst; do not combine it with " + o);
                }
            }
        }
        List<Entry> burstEntries = file != null ? readFile(file) : generated();
        PrintWriter out = spec.commandLine().getOut();

        Simulation sim = new Simulation(0);
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        ThrottleSink sink = new ThrottleSink() {
            @Override
            public void leave(OutgoingMessage m, long now, long queuedMicros) {
                outcomes.put(m.id(), new Outcome(now, queuedMicros, null));
            }

            @Override
            public void reject(OutgoingMessage m, long now, DropReason reason) {
                outcomes.put(m.id(), new Outcome(now, 0, reason));
            }
        };
        ChatThrottleLib lib = new ChatThrottleLib(cfg, 0, sim, sink, MetricsRecorder.NONE, fps, 0);
        long start = SimTime.seconds(sinceLogin);
        Map<String, Integer> pipeIds = new LinkedHashMap<>();
        List<OutgoingMessage> messages = new ArrayList<>();
        Map<Integer, String> texts = new java.util.HashMap<>(); // one text per size, shared by its messages
        for (Entry e : burstEntries) {
            int target = pipeIds.computeIfAbsent(e.pipe(), p -> pipeIds.size());
            long at = start + SimTime.seconds(e.time());
            OutgoingMessage m = new OutgoingMessage(messages.size(), 0, prefix, texts.computeIfAbsent(e.size(), "x"::repeat),
                    Distribution.RAID, target, e.priority(), "MSG", 0, at);
            messages.add(m);
            sim.post(at, t -> lib.submit(m, t));
        }
        try {
            sim.run(RunLimits.untilEmpty().withEventCap(MAX_EVENTS));
        } catch (EventCapExceededException e) {
            throw new BadInputException("the burst does not drain within " + MAX_EVENTS + " despooler acts (about "
                    + Math.round(MAX_EVENTS * 0.08 / 3600) + " hours at 0.08 s each): --max-cps " + num(maxCps)
                    + " is too low for it");
        }

        out.printf(Locale.ROOT, "ChatThrottleLib model: MAX_CPS %s B/s, BURST %s B, MSG_OVERHEAD %d B, MIN_FPS %s; "
                + "%s fps; burst starts %s s after login%n", num(maxCps), num(burst), overhead, num(minFps), num(fps),
                num(sinceLogin));
        out.printf(Locale.ROOT, "%6s %11s %-6s %-8s %6s %6s %11s %10s%n", "#", "offered(s)", "prio", "pipe", "size",
                "cost", "left(s)", "waited(s)");
        long totalCost = 0;
        long totalText = 0;
        int rejected = 0;
        long last = start;
        long firstOffer = Long.MAX_VALUE;
        for (OutgoingMessage m : messages) {
            Entry e = burstEntries.get((int) m.id());
            Outcome o = outcomes.get(m.id());
            int cost = m.wireLength() + overhead;
            firstOffer = Math.min(firstOffer, m.offeredAt());
            String left;
            String waited;
            if (o.rejected() != null) {
                rejected++;
                left = "rejected";
                waited = o.rejected() == DropReason.TOO_LONG ? "too long" : o.rejected().name();
            } else {
                totalCost += cost;
                totalText += e.size();
                last = Math.max(last, o.leftAt());
                left = secs(o.leftAt() - start);
                waited = secs(o.waited());
            }
            out.printf(Locale.ROOT, "%6d %11s %-6s %-8s %6d %6d %11s %10s%n", m.id() + 1, secs(m.offeredAt() - start),
                    e.priority(), e.pipe(), e.size(), cost, left, waited);
        }
        int sent = messages.size() - rejected;
        out.printf(Locale.ROOT, "Total: %d messages sent, %d bytes of text, %d bytes counted by the library "
                + "(prefix, separator and overhead included); %d rejected%n", sent, totalText, totalCost, rejected);
        if (rejected > 0 && maxMessage > 0) {
            out.printf(Locale.ROOT, "Rejected: prefix + 1 + text above %d bytes (the library's vanilla check; "
                    + "--max-message 0 lifts it)%n", maxMessage);
        }
        if (sent > 0) {
            double span = SimTime.toSeconds(last - firstOffer);
            out.printf(Locale.ROOT, "The last message left %s s after the first was offered%s%n", secs(last - firstOffer),
                    span > 0 ? String.format(Locale.ROOT, " (%.0f B/s counted)", totalCost / span) : "");
        }
        return ExitCodes.OK;
    }

    private ThrottleConfig config() {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new BadInputException("--fps must be a positive number, got " + fps);
        }
        if (sinceLogin < 0) {
            throw new BadInputException("--since-login must be >= 0, got " + sinceLogin);
        }
        if (prefix.isEmpty() || prefix.indexOf('\t') >= 0) {
            throw new BadInputException("--prefix must be non-empty and contain no tab");
        }
        try {
            return ThrottleConfig.ctl().withRates(maxCps, burst).withOverhead(overhead).withMinFps(minFps)
                    .withMaxMessageBytes(maxMessage);
        } catch (IllegalArgumentException e) {
            // the record names its components (throttle.maxCps); the user typed options (--max-cps)
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("throttle\\.(\\w+)").matcher(e.getMessage());
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String option = m.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                m.appendReplacement(b, "--" + option);
            }
            m.appendTail(b);
            throw new BadInputException(b.toString());
        }
    }

    private List<Entry> generated() {
        if (count < 1) {
            throw new BadInputException("--count must be at least 1, got " + count);
        }
        if (count > MAX_MESSAGES) {
            throw new BadInputException("--count " + count + ": at most " + MAX_MESSAGES + " messages (each is kept"
                    + " and printed; a raid's biggest push is a few hundred)");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new BadInputException("--size must be 0 to " + MAX_SIZE + " bytes, got " + size);
        }
        Priority p = parsePriority(priority, "--priority");
        List<Entry> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Entry(0, p, size, "main"));
        }
        return list;
    }

    /** Reads {@code time priority size [pipe]} lines; errors name file:line. */
    static List<Entry> readFile(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(path + ": not UTF-8 text (a binary file?); expected lines 'time priority size"
                    + " [pipe]'", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        List<Entry> list = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String where = path + ":" + (n + 1);
            String line = lines.get(n);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 3 || f.length > 4) {
                throw new BadInputException(where + ": expected 'time priority size [pipe]', got '" + line + "'");
            }
            double time;
            try {
                time = Double.parseDouble(f[0]);
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": time '" + f[0] + "' is not a number of seconds");
            }
            if (!(time >= 0) || Double.isInfinite(time)) {
                throw new BadInputException(where + ": time must be >= 0 seconds, got '" + f[0] + "'");
            }
            Priority p = parsePriority(f[1], where + ": priority");
            int sz;
            try {
                sz = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": size '" + f[2] + "' is not a whole number of bytes");
            }
            if (sz < 0 || sz > MAX_SIZE) {
                throw new BadInputException(where + ": size must be 0 to " + MAX_SIZE + " bytes, got " + sz);
            }
            if (list.size() == MAX_MESSAGES) {
                throw new BadInputException(where + ": more than " + MAX_MESSAGES + " messages (each is kept and"
                        + " printed; a raid's biggest push is a few hundred)");
            }
            list.add(new Entry(time, p, sz, f.length == 4 ? f[3] : "main"));
        }
        if (list.isEmpty()) {
            throw new BadInputException(path + ": no messages (expected lines 'time priority size [pipe]')");
        }
        return list;
    }

    private static Priority parsePriority(String s, String what) {
        try {
            return Priority.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(what + " '" + s + "' is not ALERT, NORMAL or BULK");
        }
    }

    private static String secs(long micros) {
        return String.format(Locale.ROOT, "%.3f", SimTime.toSeconds(micros));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
