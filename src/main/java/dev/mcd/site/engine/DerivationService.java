package dev.mcd.site.engine;

import java.util.List;

/**
 * The engine as the site sees it: derive, check a chain, list the identity catalogue, each
 * answer already printed as TeX. E.g. {@code derive(new DeriveRequest("x'*x", "x", "", ""))}
 * gives the steps {@code d(x')x + x'd(x)}, … and the result {@code 2x'} read off with eq. 2.
 * Errors come as {@link DerivationException}s that name the key and the position in its value.
 */
public interface DerivationService {

    /** The engine fingerprint (a hash of its compiled code): changes whenever the output may change; part of every cache key. */
    String engineVersion();

    RenderedDerivation derive(DeriveRequest request) throws DerivationException;

    CheckedChain checkChain(ChainRequest request) throws DerivationException;

    /** The whole catalogue in number order (helper facts, numbered 0, last in id order). */
    List<IdentityView> identities();

    /** A {@code derive} block's keys; {@code where} and {@code expect} are "" when absent. */
    record DeriveRequest(String expr, String wrt, String where, String expect, String names, boolean autoNames) {
        /** Without display names. */
        public DeriveRequest(String expr, String wrt, String where, String expect) {
            this(expr, wrt, where, expect, "");
        }

        /** With the author's names and automatic names for recurring or long subexpressions. */
        public DeriveRequest(String expr, String wrt, String where, String expect, String names) {
            this(expr, wrt, where, expect, names, true);
        }
    }

    /**
     * The derivation ready to show: {@code startTex} is d(f), each step's TeX is the whole
     * right-hand side, {@code resultTex} the derivative read off with eq. {@code readOffEquation}.
     * For the reader's copy buttons: {@code resultText} is the result in the expression language
     * (without display names, as {@code mcd derive} prints it) and {@code numpy} the module of
     * {@code mcd derive --format numpy}, "" when the result has no NumPy form (an abstract function).
     */
    record RenderedDerivation(String functionTex, String wrtTex, String startTex, List<ShownStep> steps,
                              int readOffEquation, String derivativeTex, String resultTex, String verification,
                              Layouts layouts, String resultText, String numpy) {
        public RenderedDerivation {
            steps = List.copyOf(steps);
        }

        /** Without the copy texts (a fake engine's answer). */
        public RenderedDerivation(String functionTex, String wrtTex, String startTex, List<ShownStep> steps,
                                  int readOffEquation, String derivativeTex, String resultTex, String verification,
                                  Layouts layouts) {
            this(functionTex, wrtTex, startTex, steps, readOffEquation, derivativeTex, resultTex, verification, layouts, "", "");
        }
    }

    /** The result in numerator layout (this site's), denominator layout and mixed layout, as TeX. */
    record Layouts(String numeratorTex, String denominatorTex, String mixedTex) {}

    /** One step: its right-hand side, why it holds, and the identities it cites. */
    record ShownStep(String tex, String justification, List<Integer> equations, List<String> facts) {
        public ShownStep {
            equations = List.copyOf(equations);
            facts = List.copyOf(facts);
        }
    }

    /**
     * A {@code steps} block: the optional {@code where} and the chain lines without their
     * {@code # justification}, each {@code lhs = rhs}, {@code = rhs} or a bare expression;
     * {@code fixed} lists names held constant ("W_2, x"), "" when every name varies.
     */
    record ChainRequest(String where, List<String> lines, String fixed) {
        public ChainRequest {
            lines = List.copyOf(lines);
        }

        /** Every name varies. */
        public ChainRequest(String where, List<String> lines) {
            this(where, lines, "");
        }
    }

    /** The chain printed line by line (the same count as requested), and what was checked. */
    record CheckedChain(List<String> linesTex, String verification) {
        public CheckedChain {
            linesTex = List.copyOf(linesTex);
        }
    }

    /**
     * A catalogue entry: {@code number} 0 for helper facts; statement printed as TeX;
     * {@code checked} false for a definition shown as TeX only, whose {@code verification} says why.
     */
    record IdentityView(String id, int number, String group, String name, String statementTex,
                        String verification, boolean checked) {
        public String anchor() {
            return (number > 0 ? "eq:" : "fact:") + id;
        }
    }
}
