package org.syncsim.protocol.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.FrameClock;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.data.SectionPayloads;

class CpuMeterTest {
    /** 60 fps: frames at 0, 16 667, 33 334 µs, ... */
    private static final FrameClock FRAMES = FrameClock.ofFps(60, 0);

    private final RecordingMetrics metrics = new RecordingMetrics();
    private long now;
    private final CpuMeter meter = new CpuMeter(3, FRAMES, CpuCosts.DEFAULTS, metrics, () -> now);

    @Test
    void workWithinOneFrameAddsUpAndTheNextFrameStartsAfresh() {
        now = 1_000;
        meter.message(1_000); // 0.02 µs/byte: 20 µs
        now = 16_000;
        meter.message(500); // same frame: 10 µs more
        now = 16_667;
        meter.message(2_000); // next frame: 40 µs
        assertEquals(List.of(new RecordingMetrics.Cpu(1_000, 3, "message", 20, 20),
                new RecordingMetrics.Cpu(16_000, 3, "message", 10, 30),
                new RecordingMetrics.Cpu(16_667, 3, "message", 40, 40)), metrics.cpu);
    }

    @Test
    void decodingChargesBase64PerCharacterAndHuffmanAndRebuildPerByteOfText() {
        String text = "\"Patchwerk\",\"Grobbulus\",\"Gluth\",\"Thaddius\",\"Noth the Plaguebringer\"".repeat(8);
        String blob = SectionPayloads.encodeText(text);
        assertEquals(new BlobSizes(blob.length() - 1, text.length()), BlobSizes.of(blob));
        meter.decodeStructure(blob);
        assertEquals(List.of(Math.round(0.5 * (blob.length() - 1)), (long) text.length(),
                Math.round(0.2 * text.length())), metrics.cpu.stream().map(RecordingMetrics.Cpu::micros).toList());
    }

    @Test
    void keepingTheDecodedSheetSkipsOnlyABlobAlreadyHeldAtThatIndex() {
        String a = SectionPayloads.encodeText("{[\"Section Name\"]=\"A\"}".repeat(20));
        String b = SectionPayloads.encodeText("{[\"Section Name\"]=\"B\"}".repeat(20));
        meter.keepDecoded(true);
        meter.decodeSection(1, a);
        int once = metrics.cpu.size();
        meter.decodeSection(1, a);
        assertEquals(once, metrics.cpu.size(), "held decoded: free");
        meter.decodeSection(2, a);
        meter.decodeSection(1, b);
        assertEquals(3 * once, metrics.cpu.size(), "another index or another blob is decoded");
    }

    @Test
    void aDanglingReferenceCostsOnlyItsBase64Attempt() {
        assertEquals(new BlobSizes(17, 0), BlobSizes.of("CHUNKED:123-45678"));
    }

    @Test
    void negativeOrInfiniteCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CpuCosts(-1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CpuCosts(1, 1, 1, Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CpuCosts(1, 1, 1, 1, 1, Double.POSITIVE_INFINITY));
    }
}
