package org.syncsim.protocol.data;

import org.apache.commons.rng.simple.RandomSource;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.data.codec.LuaVersion;

/**
 * Test fixture: a generated section that LibCompress under Lua 5.0 compresses wrong (see {@code LibCompress}).
 * Notes of growing length walk each generated section's text through every length modulo 200; one symbol left for
 * the last block, the closing brace, trips it when the bits pending before it are few enough.
 */
public final class Lua50Trip {
    private Lua50Trip() {
    }

    /** The first such section (25 rows x 10 columns) at data timestamp {@code ts}, searched deterministically. */
    public static Section section(long ts) {
        for (long seed = 1; seed <= 60; seed++) {
            Section base = new SheetGenerator(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 77}))
                    .generate(SheetSpec.of(1, 25, 10)).sections().get(0);
            for (int k = 1; k <= 200; k++) {
                Section s = base.withNote("n".repeat(k));
                if (SectionText.write(s, ts).length() % 200 == 1 && !SectionPayloads.encodeSection(s, ts,
                        LibCompress.loaded(LuaVersion.LUA_5_0)).equals(SectionPayloads.encodeSection(s, ts))) {
                    return s;
                }
            }
        }
        throw new AssertionError("no generated section trips the Lua 5.0 table.concat");
    }
}
