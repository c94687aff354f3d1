package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BundledScenariosTest {

    static List<String> bundled() {
        return BundledScenarios.names();
    }

    @Test
    void indexListsExactlyTheBundledFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(BundledScenarios.class.getResource("/scenarios/index.txt").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(onDisk, bundled().stream().sorted().toList());
        }
    }

    @Test
    void theLibraryCoversTheIssuesScenarios() {
        assertTrue(bundled().containsAll(List.of("leader-import-10", "leader-import-20", "leader-import-40",
                "late-joiner", "reload-storm-40", "disconnect-mid-transfer", "loading-screen-during-push",
                "lossy-network", "two-leaders-import", "clock-skewed-importer", "rogue-future-timestamp")));
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void roundTripsThroughTheLoader(String name) {
        LoadedScenario once = BundledScenarios.load(name);
        String yaml = ScenarioLoader.toYaml(once.scenario());
        LoadedScenario twice = ScenarioLoader.load("roundtrip.yaml", yaml, "other");
        assertEquals(once.scenario(), twice.scenario(), () -> "re-read of\n" + yaml);
        assertEquals(once.roster(), twice.roster());
        assertEquals(once.timeline(), twice.timeline());
        assertEquals(name, once.scenario().name(), "the file's name: field matches its file name");
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void hasACommentHeaderSayingWhatItShowsAndWhatToLookAt(String name) {
        String text = BundledScenarios.text(name);
        assertNotNull(ScenarioLoader.commentSummary(text));
        assertTrue(text.contains("# What it shows:"), name);
        assertTrue(text.contains("# Look at:"), name);
        assertFalse(BundledScenarios.load(name).summary().isBlank());
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void roundTripsThroughJsonToo(String name) throws IOException {
        LoadedScenario once = BundledScenarios.load(name);
        String json = ScenarioLoader.json().writeValueAsString(once.scenario());
        assertEquals(once.scenario(), ScenarioLoader.load("x.json", json, "x").scenario());
    }
}
