package dev.mcd.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The published engine starts with V8's compile hint exactly once, whether or not the pinned bundle has it. */
class DerivePageTest {
    @Test
    void theCompileHintIsAddedOnce() {
        byte[] bundle = "\"use strict\";(function(){})();".getBytes(StandardCharsets.UTF_8);
        byte[] hinted = DerivePage.withCompileHint(bundle);
        assertEquals("//# allFunctionsCalledOnLoad\n\"use strict\";(function(){})();", new String(hinted, StandardCharsets.UTF_8));
        assertArrayEquals(hinted, DerivePage.withCompileHint(hinted), "a bundle pinned from a published site keeps one hint");
        assertEquals("//# allFunctionsCalledOnLoad\n", new String(DerivePage.withCompileHint(new byte[0]), StandardCharsets.UTF_8));
    }
}
