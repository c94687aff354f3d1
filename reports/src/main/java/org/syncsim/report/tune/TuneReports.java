package org.syncsim.report.tune;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.ReportWriter;
import org.syncsim.report.chart.ChartImage;
import org.syncsim.report.chart.TuneCharts;
import org.syncsim.report.html.TunePage;

/** Writes a tune's {@code tune.json}, {@code tune.html} and its charts under {@code charts/}. */
public final class TuneReports {
    /** The data file. */
    public static final String JSON_FILE = "tune.json";
    /** The page. */
    public static final String PAGE = "tune.html";
    /**
     * Keys in snake_case as {@code summary.json}'s; JSON has no NaN, so a number without a value (a mean over no
     * replication) is written as null, and read back as NaN where the field is a {@code double}.
     */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule("finite-or-null")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull())
                    .addDeserializer(double.class, new NullAsNaN()));

    private TuneReports() {
    }

    /** Writes the three into {@code dir}; returns the files written, relative to it. */
    public static List<String> write(Path dir, TuneReport r, String generator) throws IOException {
        List<ChartImage> charts = TuneCharts.all(r);
        Path d = dir.resolve(ReportWriter.CHARTS);
        Files.createDirectories(d);
        List<String> files = new java.util.ArrayList<>(List.of(JSON_FILE, PAGE));
        for (ChartImage c : charts) {
            AtomicFiles.write(d.resolve(c.id() + ".svg"), c.svg().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(d.resolve(c.id() + ".png"), c.png());
            files.add(ReportWriter.CHARTS + "/" + c.id() + ".svg");
            files.add(ReportWriter.CHARTS + "/" + c.id() + ".png");
        }
        AtomicFiles.write(dir.resolve(JSON_FILE), json(r));
        AtomicFiles.write(dir.resolve(PAGE), TunePage.render(r, charts, generator).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A number, or null for NaN and the infinities. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }

    /** A {@code double}, NaN where the file has null. */
    private static final class NullAsNaN extends StdDeserializer<Double> {
        NullAsNaN() {
            super(double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return p.getValueAsDouble();
        }

        @Override
        public Double getNullValue(DeserializationContext c) {
            return Double.NaN;
        }
    }

    /** The text of {@code tune.json}. */
    public static String json(TuneReport r) throws IOException {
        return JSON.writeValueAsString(r) + "\n";
    }

    /** Reads a {@code tune.json} back. */
    public static TuneReport read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads the text of a {@code tune.json}. */
    public static TuneReport parse(String json) throws IOException {
        return JSON.readValue(json, TuneReport.class);
    }
}
