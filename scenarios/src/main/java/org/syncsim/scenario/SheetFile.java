package org.syncsim.scenario;

import java.util.List;

/**
 * A sheet file as written (YAML, or JSON for {@code .json} files): the sections of an assignment sheet in wire
 * order. {@link SheetLoader} turns it into the data model ({@code org.syncsim.protocol.data.AssignmentSet}).
 *
 * @param sections the sections; section 1 on the wire is the first entry
 */
public record SheetFile(List<SheetSection> sections) {
}
