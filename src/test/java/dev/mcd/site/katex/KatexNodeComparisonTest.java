package dev.mcd.site.katex;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** GraalJS and Node run the same KaTeX release with the same options script: outputs must be equal byte for byte. */
class KatexNodeComparisonTest {
    @Test
    void graalJsOutputEqualsNodeOutput(@TempDir Path cache) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean node = NodeKatex.nodeAvailable();
        if (ci) {
            assertTrue(node, "node and npm are required on CI");
        }
        Assumptions.assumeTrue(node, "node/npm not installed");
        NodeKatex nodeKatex = NodeKatex.install(NodeKatex.defaultDir());
        assertEquals(NodeKatex.webjarKatexMinJs(), Files.readString(nodeKatex.katexMinJs()),
                "the webjar's katex.min.js is npm's release");

        var formulas = KatexCorpus.FORMULAS;
        var expected = nodeKatex.render(formulas, 1).results();
        assertEquals(formulas.size(), expected.size());
        var checks = new ArrayList<Executable>();
        try (var graal = new KatexRenderer(cache)) {
            for (int i = 0; i < formulas.size(); i++) {
                var f = formulas.get(i);
                var want = expected.get(i);
                NodeKatex.Result got;
                try {
                    got = new NodeKatex.Result(graal.render(f.tex(), f.display()), null, 0);
                } catch (KatexException e) {
                    got = new NodeKatex.Result(null, e.getMessage(), e.position());
                }
                var actual = got;
                checks.add(() -> assertEquals(want, actual, f.tex()));
            }
        }
        long errors = expected.stream().filter(r -> r.error() != null).count();
        checks.add(() -> assertEquals(3, errors, "the corpus ends with three bad formulas"));
        assertAll(checks);
        assertTrue(List.copyOf(expected).size() >= 30);
    }
}
