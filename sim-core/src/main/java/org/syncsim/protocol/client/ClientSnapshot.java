package org.syncsim.protocol.client;

import java.util.List;
import java.util.SortedMap;

/**
 * A read-only copy of a client's sync-relevant state.
 *
 * @param assignmentsTimestamp A ({@code TWRA_Assignments.timestamp})
 * @param compressedTimestamp  C ({@code TWRA_CompressedAssignments.timestamp}, 0 if nil)
 * @param hasCompressed        whether {@code TWRA_CompressedAssignments} exists (false on a fresh install)
 * @param sectionNames         names of {@code TWRA_Assignments.data[1..n]}
 * @param compressedSections   {@code CompressedAssignments.sections}: blobs, {@code ""} placeholders, dangling refs
 * @param structure            {@code CompressedAssignments.structure} or null
 * @param missing              {@code sections.missing}: index → "true" or a transfer id
 * @param currentSection       current section index (0 if none)
 * @param isExample            example data flag
 * @param syncInProgress       the runtime flag
 * @param online               logged in
 */
public record ClientSnapshot(String name, long assignmentsTimestamp, long compressedTimestamp, boolean hasCompressed,
        List<String> sectionNames, SortedMap<Integer, String> compressedSections, String structure,
        SortedMap<Integer, String> missing, int currentSection, boolean isExample, boolean syncInProgress,
        boolean online) {
}
