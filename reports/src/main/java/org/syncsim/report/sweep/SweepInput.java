package org.syncsim.report.sweep;

import java.util.List;
import java.util.Set;

/**
 * Everything a sweep's page and tables show: the sweep as given, and every point's results as read back from the
 * points' files (nothing else).
 *
 * @param name the sweep's name
 * @param description one line under the title ("" for none)
 * @param source the sweep file
 * @param scenario the base scenario (bundled name or file)
 * @param parameters the varied keys, in the file's order
 * @param sampled the keys the sample plan drew (the others form the grid)
 * @param replications replications per point
 * @param seed the master seed
 * @param commonRandomNumbers whether every point ran the master seed's replication seeds
 * @param points every point, in the sweep's order
 * @param command the command that wrote the page
 */
public record SweepInput(String name, String description, String source, String scenario, List<String> parameters,
        Set<String> sampled, int replications, long seed, boolean commonRandomNumbers, List<PointResult> points,
        String command) {
    public SweepInput {
        parameters = List.copyOf(parameters);
        sampled = Set.copyOf(sampled);
        points = List.copyOf(points);
    }
}
