package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcd.site.engine.DerivationService.Layouts;
import dev.mcd.site.engine.DerivationService.RenderedDerivation;
import dev.mcd.site.engine.DerivationService.ShownStep;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.engine.RecordCodec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The derivation cache's encoding gives back the record it was given, whatever the strings hold. */
class RecordCodecTest {

    @Property
    void anyTextSurvivesTheRoundTrip(@ForAll String tex, @ForAll String why, @ForAll int number, @ForAll boolean flag) {
        var d = new RenderedDerivation(tex, why, "", List.of(new ShownStep(tex, why, List.of(number, 7), List.of(why, "")),
                new ShownStep("", "", List.of(), List.of())), number, tex + why, "true", "1e-9", new Layouts("yes", "null", "~"));
        assertEquals(d, RecordCodec.decode(RecordCodec.encode(d), RenderedDerivation.class));
        var r = new DerivationService.DeriveRequest(tex, why, "0x10", "- a", "#x", flag);
        assertEquals(r, RecordCodec.decode(RecordCodec.encode(r), DerivationService.DeriveRequest.class));
    }

    @Test
    void longTexBeyondSixtyFourKilobytes() {
        String tex = "\\mathbf{x}^\\top ".repeat(10_000);
        var c = new DerivationService.CheckedChain(List.of(tex, "é ∂ \u0000 \t"), "steps agree");
        assertEquals(c, RecordCodec.decode(RecordCodec.encode(c), DerivationService.CheckedChain.class));
    }

    @Test
    void textOfAnotherShapeIsRefused() {
        var ok = RecordCodec.encode(new DerivationService.CheckedChain(List.of("a = a"), "ok"));
        assertEquals("r2:s8:linesTexl1:s5:a = as12:verifications2:ok", ok);
        for (String bad : List.of("", "r2:s8:linesTexi3;s12:verifications2:ok", "r1:s12:verifications2:ok",
                "r2:s8:linesTexl1:s5:a = as12:verifications9:ok", "r2:s8:linesTexl-1:s12:verifications2:ok",
                "r2:s8:linesTexl1:s5:a = as12:verifications2:ok!", "r2:s8:linesTeXl1:s5:a = as12:verifications2:ok")) {
            assertThrows(RuntimeException.class, () -> RecordCodec.decode(bad, DerivationService.CheckedChain.class), bad);
        }
    }
}
