package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final long SEED = 20_260_101L;

    @Test
    void sameSeedGivesTheSameTraceHashTwiceInOneJvm() {
        String first = DeterminismModel.traceHash(SEED);
        String second = DeterminismModel.traceHash(SEED);
        assertEquals(64, first.length());
        assertEquals(first, second);
    }

    @Test
    void differentSeedsGiveDifferentTraces() {
        assertNotEquals(DeterminismModel.traceHash(SEED), DeterminismModel.traceHash(SEED + 1));
    }

    @Test
    void traceRecordsLinesOnlyWhenASinkIsAttached() {
        Simulation sim = new Simulation(1);
        HashingTrace trace = new HashingTrace();
        sim.post(5, now -> sim.trace("kind", "untraced"));
        sim.run(RunLimits.untilEmpty());
        sim.setTrace(trace);
        sim.post(9, now -> sim.trace("kind", "traced"));
        sim.run(RunLimits.untilEmpty());
        assertEquals(1, trace.lines());
        HashingTrace expected = new HashingTrace();
        expected.record(9, "kind", "traced");
        assertEquals(expected.hex(), trace.hex());
        sim.setTrace(null);
        assertEquals(false, sim.tracing());
    }

    @Test
    void sameSeedGivesTheSameTraceHashInASecondJvm() throws IOException, InterruptedException {
        String here = DeterminismModel.traceHash(SEED);
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // Surefire exposes the real test class path here; a plain JVM has it in java.class.path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(List.of(java, "-cp", classPath, DeterminismModel.class.getName(),
                Long.toString(SEED)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "second JVM did not finish");
        assertEquals(0, process.exitValue(), "second JVM failed; output: " + output);
        assertEquals(here, output);
    }
}
