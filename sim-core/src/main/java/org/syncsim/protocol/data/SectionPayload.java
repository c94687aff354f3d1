package org.syncsim.protocol.data;

/**
 * A decoded per-section payload: the section and the data timestamp written inside it (spec §5.2), or
 * {@code null} when the text carried none.
 */
public record SectionPayload(Section section, Long timestamp) {}
