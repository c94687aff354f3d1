package org.syncsim.protocol.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog turns a scenario's {@code protocol.policies} into policies, or says which entry is wrong and why. */
class PolicyCatalogTest {
    private static PlanPolicies parse(Map<String, ?> raw) {
        return PolicyCatalog.parse(raw, PolicyCatalog::secondsOf);
    }

    private static PolicyException error(Map<String, ?> raw) {
        return assertThrows(PolicyException.class, () -> parse(raw));
    }

    @Test
    void noEntriesMeanEveryPolicyAtItsRecommendedSetting() {
        PlanPolicies p = parse(Map.of());
        assertEquals(new Responders.Elected(1, 3), p.responders());
        assertEquals(new RequestCoalescing.Listen(5, 0.05), p.coalescing());
        assertEquals(new Backoff.Exponential(10, 2, 60, 5, Backoff.Jitter.EQUAL), p.backoff());
        assertEquals(new SkipRedundant.On(), p.skipRedundant());
        assertEquals(new Throttle.Direct(), p.throttle());
        assertEquals(new Recovery.Resume(3, 3), p.recovery());
        assertEquals(new VersionCheck.Gate(), p.versionCheck());
        assertEquals(new CompressedCache.PerImport(), p.compressedCache());
        assertEquals(new Versioning.Monotonic(600), p.versioning());
        assertEquals(new Permissions.LeaderAndAssistants(), p.permissions());
        assertEquals(p, PlanPolicies.recommended());
    }

    @Test
    void defaultOffIsHeadAndYamlsBareOffMeansTheSame() {
        assertEquals(PlanPolicies.OFF, parse(Map.of("default", "off")));
        assertEquals(PlanPolicies.OFF, parse(Map.of("default", false)));
        assertTrue(parse(Map.of("default", "off")).isOff());
        for (PolicyCatalog.Policy policy : PolicyCatalog.POLICIES) {
            Map<String, Object> one = new LinkedHashMap<>(Map.of(policy.name(), false));
            PlanPolicies p = parse(one);
            boolean offIsRecommended = policy.recommended().equals(policy.kinds().get(0).name());
            assertEquals(offIsRecommended, p.equals(PlanPolicies.recommended()), policy.name());
        }
    }

    @Test
    void aKindAloneTakesItsParameterDefaultsAndParametersOverrideThem() {
        PlanPolicies p = parse(Map.of("default", "off", "backoff", Map.of("kind", "exponential", "base", "2s",
                "multiplier", 3, "jitter", "full"), "responders", Map.of("kind", "elected", "count", 2)));
        assertEquals(new Backoff.Exponential(2, 3, 60, 5, Backoff.Jitter.FULL), p.backoff());
        assertEquals(new Responders.Elected(2, 3), p.responders());
        assertEquals(new RequestCoalescing.Off(), p.coalescing());
        assertEquals(new Backoff.Fixed(10, 5), parse(Map.of("backoff", "fixed")).backoff());
        assertEquals(new Backoff.Exponential(2, 2, 60, 5, Backoff.Jitter.EQUAL),
                parse(Map.of("backoff", Map.of("base", "2s"))).backoff(), "no kind: the recommended one");
    }

    @Test
    void listedPermissionsTakeAListOrCommaSeparatedNames() {
        Permissions listed = new Permissions.Listed(java.util.Set.of("Alice", "Bob"));
        assertEquals(listed, parse(Map.of("permissions", Map.of("kind", "listed", "names", List.of("Bob", "Alice"))))
                .permissions());
        assertEquals(listed, parse(Map.of("permissions", Map.of("kind", "listed", "names", "Alice, Bob")))
                .permissions());
        assertEquals("permissions/names", error(Map.of("permissions", "listed")).field());
        assertEquals("permissions/names", error(Map.of("permissions", Map.of("kind", "listed", "names",
                List.of(1, 2)))).field());
    }

    @Test
    void badEntriesNameTheFieldAndWhatWasExpected() {
        PolicyException e = error(Map.of("backof", "none"));
        assertEquals("backof", e.field());
        assertTrue(e.getMessage().contains("no policy called 'backof'; known: [responders, request-coalescing, "
                + "backoff, skip-redundant, throttle, recovery, version-check, versioning, permissions, "
                + "cache-compressed, differential]"), e.getMessage());
        e = error(Map.of("backoff", Map.of("kind", "linear")));
        assertEquals("backoff/kind", e.field());
        assertTrue(e.getMessage().contains("known: none, fixed, exponential"), e.getMessage());
        e = error(Map.of("backoff", Map.of("kind", "exponential", "bas", "2s")));
        assertEquals("backoff/bas", e.field());
        assertTrue(e.getMessage().contains("parameters base, multiplier, cap, max-retries, jitter, not 'bas'"),
                e.getMessage());
        e = error(Map.of("backoff", Map.of("kind", "exponential", "base", 2)));
        assertEquals("backoff/base", e.field());
        assertTrue(e.getMessage().contains("expected a time with a unit, like 10s, got 2"), e.getMessage());
        e = error(Map.of("responders", Map.of("kind", "elected", "count", 0)));
        assertEquals("responders", e.field());
        assertTrue(e.getMessage().contains("count must be at least 1"), e.getMessage());
        e = error(Map.of("responders", Map.of("kind", "elected", "count", "two")));
        assertEquals("responders/count", e.field());
        e = error(Map.of("backoff", Map.of("kind", "exponential", "jitter", "half")));
        assertEquals("backoff/jitter", e.field());
        assertTrue(e.getMessage().contains("expected one of none, full, equal, decorrelated"), e.getMessage());
        e = error(Map.of("default", "on"));
        assertEquals("default", e.field());
        e = error(Map.of("backoff", List.of("none")));
        assertEquals("backoff", e.field());
        e = error(Map.of("backoff", Map.of("delay", "2s")));
        assertEquals("backoff/delay", e.field(), "without kind: the recommended exponential, which has no delay");
    }

    @Test
    void everyPolicysFirstKindTakesNoParametersAndTheRecommendedSettingBuilds() {
        for (PolicyCatalog.Policy p : PolicyCatalog.POLICIES) {
            assertEquals(List.of(), p.kinds().get(0).params(), p.name());
            assertTrue(p.kind(p.recommended()) != null, p.name());
            assertTrue(!p.why().isBlank(), p.name());
        }
    }
}
