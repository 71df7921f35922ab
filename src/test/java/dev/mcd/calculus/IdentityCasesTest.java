package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Parser;
import dev.mcd.expr.TextPrinter;
import dev.mcd.verify.DerivationCheck;
import dev.mcd.verify.EqualityCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every case of {@code calculus/identity-cases.txt} (Matrix Cookbook families and ML losses):
 * the engine's derivation verifies, its result agrees with an independent finite-difference
 * oracle and with the hand-written expected result, its text form reads back as the same function,
 * and its NumPy export computes the same numbers. Example case: {@code log(det(X)) | X | X: matrix | inv(X)} (eqs. 19, 18, 3).
 */
class IdentityCasesTest {
    static final String FILE = "/calculus/identity-cases.txt";

    /** The engine's derivation and the oracle's samples, per case line, shared by both tests. */
    private static final Map<Integer, Checked> CHECKED = new ConcurrentHashMap<>();
    private static NumpyRunner numpy;

    private record Checked(Derivation derivation, List<OracleCheck.Sample> samples) {}

    static Stream<IdentityCase> cases() {
        return IdentityCase.read(FILE).stream();
    }

    /** The cases whose derivative NumPy can evaluate: results naming l'(y) or sigma' are left out. */
    static Stream<IdentityCase> exportableCases() {
        return cases().filter(c -> !NumpyExport.abstractIn(checked(c).derivation().result()));
    }

    private static Checked checked(IdentityCase c) {
        return CHECKED.computeIfAbsent(c.line(), line -> {
            Expr f = c.function();
            Derivation d = Deriver.derive(f, c.variable());
            DerivationCheck.check(d);
            return new Checked(d, OracleCheck.check(f, c.variable(), d.result(), List.of(c.expectedExpr()), c.toString()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesVerifiesAndMatchesTheOracle(IdentityCase c) {
        Checked k = checked(c);
        Expr result = k.derivation().result();
        EqualityCheck.check(c.expectedExpr(), result);
        // the site shows results as text too: what it prints must read back as the same function
        EqualityCheck.check(Parser.parse(TextPrinter.print(result), c.decls()).expr(), result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportableCases")
    void numpyExportMatchesTheOracle(IdentityCase c) {
        Checked k = checked(c);
        Expr result = k.derivation().result();
        if (numpy == null) {
            numpy = NumpyRunner.startOrSkip();
        }
        Map<String, Kind> kinds = new TreeMap<>(c.decls().asMap());
        List<String> points = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        for (OracleCheck.Sample s : k.samples()) {
            DMatrixRMaj fd = s.derivative();
            modules.add(NumpyExport.module(result, s.point().values(), fd.numRows, fd.numCols));
            points.add(Json.variables(s.point().values(), NumpyExport.scalars(s.point().values(), kinds)));
        }
        for (int i = 0; i < points.size(); i++) {
            // sizes differ between points, so each point gets the module printed for its sizes
            DMatrixRMaj py = numpy.run(modules.get(i), List.of(points.get(i))).getFirst();
            DMatrixRMaj fd = k.samples().get(i).derivative();
            if (py.numRows != fd.numRows || py.numCols != fd.numCols) {
                fail(c + ": NumPy gives " + py.numRows + "×" + py.numCols + ", finite differences " + fd.numRows + "×" + fd.numCols
                        + "\n" + modules.get(i));
            }
            double scale = Math.max(1, OracleCheck.maxAbs(fd));
            for (int e = 0; e < fd.data.length; e++) {
                if (Math.abs(py.data[e] - fd.data[e]) > OracleCheck.TOLERANCE * scale) {
                    fail(c + ": NumPy gives " + py + " where finite differences give " + fd + "\n" + modules.get(i));
                }
            }
        }
    }

    @AfterAll
    static void stopPython() {
        if (numpy != null) {
            numpy.close();
            numpy = null;
        }
    }
}
