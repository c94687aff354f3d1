package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each bad file gets a message naming the file, line, column and field and what was expected. */
class ScenarioLoaderBadInputTest {

    private static String error(String file) {
        Path p;
        try {
            p = Path.of(ScenarioLoaderBadInputTest.class.getResource("/bad/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(p));
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void unknownFieldNamesTheClosestValidField() {
        assertContains(error("unknown-field.yaml"), "unknown-field.yaml:6:1: ", "unknown field \"rnu\"",
                "did you mean \"run\"?", "valid fields here:");
    }

    @Test
    void unknownNestedFieldNamesItsParentAndTheClosestField() {
        assertContains(error("unknown-nested-field.yaml"), "unknown-nested-field.yaml:4:5: ",
                "raid.defaults: unknown field \"live-sinc\"", "did you mean \"live-sync\"?");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        assertContains(error("wrong-type.yaml"), "wrong-type.yaml:2:3: ", "raid.size: expected a whole number",
                "got \"ten\"");
    }

    @Test
    void wrongTypeInJsonIsLocatedToo() {
        assertContains(error("wrong-type.json"), "wrong-type.json:1:", "run.replications: expected a whole number");
    }

    @Test
    void aStormThatSelectsNobodyIsAnError() {
        assertContains(error("empty-storm.yaml"), "empty-storm.yaml:4:", "storm what: join selects nobody",
                "start: solo");
    }

    @Test
    void aSkullMarkWithoutAutoNavigateUsersIsAnError() {
        assertContains(error("skull-mark-without-auto-navigate.yaml"), "skull-mark-without-auto-navigate.yaml:4:",
                "skull-mark moves only members with auto-navigate: true");
    }

    @Test
    void aWarmUpAsLongAsTheRunIsAnError() {
        assertContains(error("warm-up-too-long.yaml"), "warm-up-too-long.yaml:5:", "run.warm-up:",
                "the warm-up (1m) lasts as long as the run (1m)");
    }

    @Test
    void aCorrelatedLatencyIsCheckedFieldByField() {
        String e = error("bad-correlated-latency.yaml");
        assertContains(e, "bad-correlated-latency.yaml:7:", "channel.latency.p95: p95 (90ms) must be above the median"
                + " (120ms)");
        assertContains(e, "bad-correlated-latency.yaml:8:", "channel.latency.upload-kbps: expected a whole number of 0"
                + " or more, got -1");
    }

    @Test
    void negativeTimeIsRejected() {
        assertContains(error("negative-time.yaml"), "negative-time.yaml:4:5: ", "timeline[0].t: negative time \"-5s\"");
    }

    @Test
    void timeWithoutUnitShowsTheForm() {
        assertContains(error("time-without-unit.yaml"), "timeline[0].t: expected a time with a unit, like 12.5s");
    }

    @Test
    void actionNamingAClientNotInTheRosterIsRejectedWithASuggestion() {
        assertContains(error("unknown-member.yaml"), "unknown-member.yaml:8:30: ",
                "timeline[1].who: no member named \"Bobb\"", "did you mean \"Bob\"?", "members: Alice, Bob, Carol");
    }

    @Test
    void sectionIndexOutOfRangeIsRejected() {
        assertContains(error("section-out-of-range.yaml"), "section-out-of-range.yaml:6:",
                "timeline[0].sections[1]: section 13 is out of range: the sheet has sections 1..12");
    }

    @Test
    void unknownActionNamesTheClosestAction() {
        assertContains(error("unknown-action.yaml"), "unknown-action.yaml:4:", "timeline[0]: unknown do \"imprt\"",
                "did you mean \"import\"?", "join, leave");
    }

    @Test
    void actionWithoutTimeAsksForTOrAfter() {
        assertContains(error("missing-time.yaml"), "missing-time.yaml:4:5: ",
                "timeline[0]: reload needs a time: t: (from the start) or after: (from the previous entry)");
    }

    @Test
    void unknownEnumValueListsTheChoices() {
        assertContains(error("bad-enum.yaml"), "bad-enum.yaml:2:3: ", "channel.throttle: expected one of direct, ctl",
                "did you mean \"ctl\"?");
    }

    @Test
    void anUnknownClassListsTheNineClasses() {
        assertContains(error("bad-class.yaml"), "bad-class.yaml:3:", "class: expected one of warrior, priest",
                "did you mean \"warrior\"?");
    }

    @Test
    void aRaidSubgroupOutside1To8IsLocated() {
        assertContains(error("bad-group.yaml"), "bad-group.yaml:4:", "raid.members[1].group: a raid subgroup is 1 to 8, got 9");
    }

    @Test
    void badStopConditionShowsTheForms() {
        assertContains(error("bad-stop.yaml"), "bad-stop.yaml:2:3: ", "run.until: expected all-synced, quiet-for");
    }

    @Test
    void badAndDuplicateNamesAreAllReported() {
        String e = error("bad-names.yaml");
        assertContains(e, "bad-names.yaml:4:9: raid.members[1].name: a character name is letters (and digits)",
                "bad-names.yaml:5:9: raid.members[2].name: the name \"Alice\" is used twice");
    }

    @Test
    void syntaxErrorIsLocated() {
        assertContains(error("bad-syntax.yaml"), "bad-syntax.yaml:3:", "not valid YAML/JSON");
    }

    @Test
    void fullSyncOnAProfileWithoutItPointsAtTheTimelineEntry() {
        String m = error("profile-feature-full-sync.yaml");
        assertContains(m, "profile-feature-full-sync.yaml:7:14: timeline[1].do: ",
                "full-sync (the full-data pull) is modelled only in profile seed", "Alice runs profile head");
        assertTrue(!m.contains("timeline[0]"), "Bob runs seed: " + m);
        assertTrue(m.lines().count() == 1, m);
    }

    @Test
    void plainTextImportIsRefusedForAMemberWhoseProfileLacksIt() {
        String m = error("profile-feature-import.yaml");
        assertContains(m, "profile-feature-import.yaml:7:38: timeline[1].path: ",
                "import with path: plain-text (B38) is modelled only in profile head, plan", "Alice runs profile seed");
        assertTrue(!m.contains("timeline[0]"), "Bob runs head: " + m);
    }

    @Test
    void exampleButtonIsHeadAndPlanOnlyAndOptionsNeedABox() {
        String m = error("profile-feature-example.yaml");
        assertContains(m,
                "profile-feature-example.yaml:6:14: timeline[0].do: example-button (the Example button) is "
                        + "modelled only in profile head, plan; Alice runs profile seed",
                "profile-feature-example.yaml:8:", "timeline[2]: options needs live-sync: and/or tank-sync:");
        assertTrue(!m.contains("timeline[1]"), "Bob runs plan, which has the Tank Sync checkbox: " + m);
    }

    @Test
    void badPoliciesNameTheEntryBelowProtocolPolicies() {
        assertContains(error("bad-policies.yaml"),
                "bad-policies.yaml:4:", "protocol.policies.backoff.bas: backoff exponential has parameters base, "
                        + "multiplier, cap, max-retries, jitter, not 'bas'");
        assertContains(error("bad-policy-name.yaml"), "bad-policy-name.yaml:3:",
                "protocol.policies.backof: no policy called 'backof'");
        assertContains(error("bad-listed-name.yaml"), "protocol.policies.permissions.names: no member is called "
                + "\"Bobb\"", "Bob");
    }

    @Test
    void aNegativeCpuCostNamesItsFieldBelowProtocolCpu() {
        assertContains(error("bad-cpu-cost.yaml"), "bad-cpu-cost.yaml:4:",
                "protocol.cpu.decompress: expected µs of CPU per byte, a number of 0 or more, got -1.0");
    }
}
