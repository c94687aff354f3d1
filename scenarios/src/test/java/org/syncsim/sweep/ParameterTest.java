package org.syncsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTest {
    private static Parameter range(double from, double to, double step, String unit) {
        return new Parameter("k", null, new Parameter.Range(from, to, step), null, null, null, null, unit);
    }

    @Test
    void aRangeCountsWholeStepsSoDecimalStepsDoNotDriftAndItsEndIsIncluded() {
        assertEquals(List.of("0.1", "0.2", "0.3"), range(0.1, 0.3, 0.1, null).gridValues());
        assertEquals(List.of("2s", "5s", "8s"), range(2, 9, 3, "s").gridValues(), "9 is not a whole step away");
    }

    @Test
    void aLogRangeIncludesBothEndsAndSpacesByEqualRatios() {
        Parameter p = new Parameter("k", null, null, new Parameter.LogRange(1.0, 1000.0, 4), null, null, null, "ms");
        assertEquals(List.of("1ms", "10ms", "100ms", "1000ms"), p.gridValues());
    }

    @Test
    void aSampleMapsTheUnitIntervalOntoTheBoundsLinearlyOrInTheLogarithm() {
        Parameter lin = new Parameter("k", null, null, null, List.of(2.0, 10.0), null, null, "s");
        assertEquals("2s", lin.at(0));
        assertEquals("6s", lin.at(0.5));
        assertEquals("10s", lin.at(1));
        Parameter log = new Parameter("k", null, null, null, List.of(1.0, 100.0), Parameter.Scale.LOG, true, null);
        assertEquals("10", log.at(0.5), "the geometric middle");
        assertEquals("100", log.at(1));
    }

    @Test
    void numbersAreWrittenAsAScenarioFileWouldHoldThem() {
        Parameter p = range(0, 1, 1, null);
        assertEquals("0.3", p.format(0.1 + 0.2));
        assertEquals("1500", p.format(1500.0));
        assertEquals("0.000125", p.format(1.25e-4));
        assertEquals("0.000002s", range(0, 1, 1, "s").format(1.6e-6), "a time goes no finer than a microsecond");
        assertEquals("1.235ms", range(0, 1, 1, "ms").format(1.23456), "4 significant digits");
        assertEquals("2us", range(0, 1, 1, "us").format(1.6));
        Parameter count = new Parameter("k", null, null, null, List.of(1.0, 9.0), null, true, null);
        assertEquals("3", count.format(2.5000001));
    }

    @Test
    void listedValuesAreTakenAsWritten() {
        Parameter p = new Parameter("k", List.of("elected", "all"), null, null, null, null, null, null);
        assertEquals(List.of("elected", "all"), p.gridValues());
    }
}
