package dev.mcd.cli;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Justification;
import dev.mcd.calculus.Step;
import dev.mcd.expr.TextPrinter;
import dev.mcd.print.LatexPrinter;
import dev.mcd.print.Naming;
import dev.mcd.print.NumpyModule;
import dev.mcd.verify.VerifiedDerive;
import dev.mcd.web.DeriveJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mcd derive 'x'*x' --wrt x}: derives one expression step by step, verifies it, and
 * prints it as numbered text, LaTeX, JSON or a NumPy function. Bad input exits 2 with a caret.
 */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Derive an expression by a variable via differentials, every step verified.",
        footer = {"", "Examples:",
                // One line each, under 80 columns: picocli wraps longer ones, and a wrapped line does not copy.
                "  ./mcd derive \"x'*x\" --wrt x",
                "  ./mcd derive 'norm2(W*x + b)^2' --wrt W --where 'W: matrix, x: vector'",
                "  ./mcd derive 'log(det(X))' --wrt X --format latex"})
final class DeriveCommand implements Callable<Integer> {
    enum Format { text, latex, json, numpy }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x'*A*x\".")
    String expr;

    @Option(names = "--wrt", required = true, paramLabel = "V", description = "The variable to differentiate by.")
    String wrt;

    @Option(names = "--where", paramLabel = "DECLS", defaultValue = "",
            description = "Declarations, e.g. 'A: matrix, x: vector, t: scalar' (default: upper-case names are matrices, lower-case vectors).")
    String where;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), latex, json or numpy.")
    Format format;

    @Option(names = "--no-auto-names", description = "Do not name recurring or long subexpressions (\"where u = W_1*x\"); print every step in full.")
    boolean noAutoNames;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerifiedDerive.Result r;
        try {
            r = VerifiedDerive.run(expr, wrt, where, "");
        } catch (VerifiedDerive.RequestException e) {
            err.println("mcd derive: " + DeriveJson.where(e.part()) + " at " + e.error().render());
            err.flush();
            return 2;
        }
        switch (format) {
            case text -> out.print(text(r, names(r)));
            case latex -> out.print(latex(r.derivation()));
            case json -> out.println(DeriveJson.of(r, names(r)));
            case numpy -> {
                try {
                    out.print(NumpyModule.of(r.derivation(), r.shapes().variables()));
                } catch (IllegalArgumentException e) {
                    err.println("mcd derive: " + e.getMessage());
                    err.flush();
                    return 2;
                }
            }
        }
        out.flush();
        return 0;
    }

    /** "eq. (10)" for numbered identities, the fact's name otherwise, e.g. "cyclic trace". */
    static String justification(Step s) {
        return Justification.of(s, Justification.Style.CITED);
    }

    private Naming.Names names(VerifiedDerive.Result r) {
        return Naming.choose(r.derivation(), java.util.Map.of(), !noAutoNames);
    }

    private static String text(VerifiedDerive.Result r, Naming.Names names) {
        Derivation d = r.derivation();
        StringBuilder sb = new StringBuilder();
        String lhs = TextPrinter.print(names.apply(d.start()));
        sb.append(lhs).append('\n');
        if (!names.isEmpty()) {
            sb.append("  ").append(names.whereText()).append('\n');
        }
        int n = 1;
        for (Step s : d.steps()) {
            sb.append(String.format("%3d.  = %s    [%s]%n", n++, TextPrinter.print(names.apply(s.rhs())), justification(s)));
        }
        sb.append("Finally, from eq. (").append(d.form().equation()).append("): d/d").append(d.wrt().name())
                .append(" ").append(TextPrinter.print(d.function())).append(" = ").append(TextPrinter.print(names.apply(d.result()))).append('\n');
        sb.append("verified: ").append(r.report().summary()).append('\n');
        return sb.toString();
    }

    private static String latex(Derivation d) {
        StringBuilder sb = new StringBuilder("\\begin{aligned}\n");
        sb.append(LatexPrinter.print(d.start()));
        // Eqs. 1-3: a scalar function, so each step is a scalar differential (its zero prints 0).
        boolean scalarF = d.form().equation() <= 3;
        for (Step s : d.steps()) {
            sb.append("\n  &= ").append(LatexPrinter.print(s.rhs(), scalarF)).append(" && \\text{").append(justification(s)).append("}\\\\");
        }
        sb.append("\n\\end{aligned}\n");
        sb.append("\\frac{\\partial}{\\partial ").append(LatexPrinter.print(d.wrt())).append("}\\left(")
                .append(LatexPrinter.print(d.function())).append("\\right) = ").append(LatexPrinter.print(d.result(), d.form().equation() == 1)).append('\n');
        return sb.toString();
    }
}
