package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.channel.throttle.ThrottleConfig;

/**
 * The default column of docs/channel-model.md's parameter tables says what the configs' defaults are: the configs are
 * the one home of each default, and the tables are written by hand, so a default changed on one side only fails here.
 */
class ChannelModelDocTest {
    static final Path DOC = Path.of("..", "docs", "channel-model.md");
    /** A number as the tables write it: digits with spaces between thousands, an optional fraction. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?: \\d{3})*(?:\\.\\d+)?");

    /** Each row's expected numbers, in the table's units (ms, s, B/s as the row writes them). */
    private static Map<String, List<Double>> expected() {
        ThrottleConfig ctl = ThrottleConfig.ctl();
        ServerConfig server = ServerConfig.defaults();
        LatencyConfig latency = LatencyConfig.defaults();
        LossConfig loss = LossConfig.none();
        PresenceConfig presence = PresenceConfig.defaults();
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("maxCps", List.of(ctl.maxCps()));
        m.put("burst", List.of(ctl.burst()));
        m.put("overheadBytes", List.of((double) ctl.overheadBytes()));
        m.put("minFps", List.of(ctl.minFps()));
        m.put("despoolIntervalMicros", List.of(ctl.despoolIntervalMicros() / 1e3));
        m.put("hardClampMicros", List.of(ctl.hardClampMicros() / 1e6));
        m.put("maxMessageBytes", List.of((double) ctl.maxMessageBytes()));
        m.put("rateBytesPerSecond", List.of(server.rateBytesPerSecond()));
        m.put("burstBytes", List.of(server.burstBytes()));
        m.put("disconnectMicros", List.of(server.disconnectMicros() / 1e6));
        m.put("messageOverheadBytes", List.of((double) server.messageOverheadBytes()));
        m.put("medianMillis, p95Millis", List.of(latency.medianMillis(), latency.p95Millis()));
        m.put("constantMillis, minMillis/maxMillis, empiricalMillis",
                List.of(latency.constantMillis(), latency.minMillis(), latency.maxMillis()));
        m.put("correlationSeconds", List.of(latency.correlationSeconds()));
        m.put("jitterMillis", List.of(latency.jitterMillis()));
        m.put("uploadKbps, downloadKbps", List.of(latency.uploadKbps(), latency.downloadKbps()));
        m.put("p", List.of(loss.p()));
        m.put("goodToBad, badToGood", List.of(loss.goodToBad(), loss.badToGood()));
        m.put("lossInGood, lossInBad", List.of(loss.lossInGood(), loss.lossInBad()));
        m.put("fps", List.of(presence.fps()));
        m.put("loadingScreenMicros", List.of(presence.loadingScreenMicros() / 1e6));
        return m;
    }

    @Test
    void theDocsDefaultColumnSaysWhatTheConfigsDefaultTo() throws IOException {
        Map<String, String> defaults = defaultColumn(Files.readAllLines(DOC));
        for (var e : expected().entrySet()) {
            String cell = defaults.get(e.getKey());
            assertTrue(cell != null, "docs/channel-model.md has no row " + e.getKey());
            List<Double> numbers = new ArrayList<>();
            Matcher m = NUMBER.matcher(cell);
            while (m.find()) {
                numbers.add(Double.parseDouble(m.group().replace(" ", "")));
            }
            assertTrue(numbers.size() >= e.getValue().size(), e.getKey() + ": too few numbers in '" + cell + "'");
            assertEquals(e.getValue(), numbers.subList(0, e.getValue().size()),
                    "docs/channel-model.md, row " + e.getKey() + " ('" + cell + "') against the config's default");
        }
    }

    /** Parameter (backticks dropped) to default cell, over every 4-column parameter table; a name twice fails. */
    private static Map<String, String> defaultColumn(List<String> lines) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] c = line.split("\\|");
            if (c.length < 5) {
                continue;
            }
            String name = c[1].replace("`", "").strip();
            String previous = cells.put(name, c[3].strip());
            assertTrue(previous == null || !expected().containsKey(name), "row " + name + " appears twice");
        }
        return cells;
    }
}
