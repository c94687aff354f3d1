package org.syncsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.sweep.PointResult;
import org.syncsim.report.sweep.SweepAnalysis;
import org.syncsim.report.sweep.SweepInput;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.run.Aggregate;
import org.syncsim.run.ResultFiles;

/**
 * A sweep's tables, computed from the points' files alone, so that they are the same byte for byte whatever the
 * threads or the order the points finished in: {@code sweep.csv}, one row per point (its parameters, then every
 * scalar metric's mean and 95 % interval), and {@code sweep.json}, the same with every metric (per command too) as
 * {@code summary.json} aggregates it, the sweep's settings and the Pareto front. Columns in {@code docs/sweeps.md}.
 */
public final class SweepTables {
    public static final String CSV = "sweep.csv";
    public static final String JSON = "sweep.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private SweepTables() {
    }

    /** The text of {@code sweep.csv}. */
    public static String csv(SweepAnalysis a) {
        SweepInput in = a.input();
        StringBuilder b = new StringBuilder("point");
        in.parameters().forEach(k -> b.append(',').append(ResultFiles.csv(k)));
        b.append(",replications");
        for (Scalar s : Scalar.values()) {
            b.append(',').append(s.key()).append("_mean,").append(s.key()).append("_ci95_low,").append(s.key())
                    .append("_ci95_high");
        }
        b.append('\n');
        for (PointResult p : in.points()) {
            b.append(p.id());
            in.parameters().forEach(k -> b.append(',').append(ResultFiles.csv(p.values().get(k))));
            b.append(',').append(p.seeds().size());
            for (Scalar s : Scalar.values()) {
                MeanCi m = a.stat(p, s.key());
                b.append(',').append(m.hasValue() ? number(m.mean()) : "").append(',').append(number(m.low()))
                        .append(',').append(number(m.high()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The text of {@code sweep.json}. */
    public static String json(SweepAnalysis a) {
        SweepInput in = a.input();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweep", in.name());
        root.put("description", in.description());
        root.put("source", in.source());
        root.put("scenario", in.scenario());
        root.put("parameters", in.parameters());
        root.put("sampled", in.parameters().stream().filter(in.sampled()::contains).toList());
        root.put("replications", in.replications());
        root.put("seed", in.seed());
        root.put("common_random_numbers", in.commonRandomNumbers());
        root.put("pareto_front", a.paretoFront().stream().map(PointResult::id).toList());
        List<Object> points = new ArrayList<>();
        List<String> metrics = a.metrics();
        for (PointResult p : in.points()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", p.id());
            o.put("values", p.values());
            o.put("file", p.file());
            o.put("command", p.command());
            Map<String, Aggregate> m = new LinkedHashMap<>();
            metrics.forEach(k -> m.put(k, Aggregate.of(a.stat(p, k))));
            o.put("metrics", m);
            points.add(o);
        }
        root.put("points", points);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of numbers and text always write", e);
        }
    }

    /** A number as its shortest exact decimal, no exponent; empty for none. */
    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
