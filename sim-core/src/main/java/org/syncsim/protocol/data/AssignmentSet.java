package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;

/**
 * An imported assignment sheet: its sections in order. Section {@code i} on the wire ({@code BSEC:<ts>:<i>:…},
 * {@code SECTION:<ts>:<i>}) is {@code sections.get(i - 1)}. The data timestamp is held by the client, not here,
 * because the same content is re-stamped on every import (spec §4.1, §5.2).
 */
public record AssignmentSet(List<Section> sections) {

    public AssignmentSet {
        sections = List.copyOf(sections);
    }

    public int size() {
        return sections.size();
    }

    /** The section with 1-based wire index {@code index}. */
    public Section section(int index) {
        return sections.get(index - 1);
    }

    /** Section names in index order: what the structure payload ({@code BSTR}) carries (spec §5.3). */
    public List<String> sectionNames() {
        List<String> names = new ArrayList<>(sections.size());
        for (Section s : sections) {
            names.add(s.name());
        }
        return names;
    }
}
