package org.syncsim.report.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        AtomicFiles.write(dir.resolve(JSON_FILE), JSON.writeValueAsString(r) + "\n");
        AtomicFiles.write(dir.resolve(PAGE), TunePage.render(r, charts, generator).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Reads a {@code tune.json} back. */
    public static TuneReport read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), TuneReport.class);
    }
}
