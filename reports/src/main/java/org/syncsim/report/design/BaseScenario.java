package org.syncsim.report.design;

/**
 * A base scenario of a design matrix: an event at a raid size with a sheet over a network, each factor as its key
 * and its words; every configuration runs on it.
 *
 * @param id {@code <event>-<size>-<sheet>-<network>}
 */
public record BaseScenario(String id, String event, String eventLabel, int raidSize, String sheet, String sheetLabel,
        String network, String networkLabel) {

    /** In words: "late joiner, 40 members, ~60 KB sheet, clean network". */
    public String describe() {
        return eventLabel + ", " + raidSize + " members, " + sheetLabel + ", " + networkLabel;
    }
}
