package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.verify.VerifiedDerive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15's refusal groups, each derived, verified and equal to the expected result: the
 * differential inside diag, vec or a Kronecker product of a scalar (through unvec), a scalar factor
 * that depends on the variable, and matrix or vector results by a matrix or vector read off in the
 * vec form (eq. 28). Refused with the commutation matrix as the reason: a transposed matrix
 * differential, and the Jacobian by a symmetric variable (its symmetric part needs it).
 */
class VecFormTest {
    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = ';', value = {
        "tr(A*diag(x)); x; A: matrix, x: vector; diag(A)'; SCALAR_BY_VECTOR; diag-trace",
        "a'*diag(X); X; a: vector, X: square matrix; diag(a); SCALAR_BY_MATRIX; diag-trace",
        "diag(x)*a; x; x: vector, a: vector; diag(a); VECTOR_BY_VECTOR; diag-swap",
        "a'*vec(A*X*B); X; a: vector, A: matrix, X: matrix, B: matrix; B*unvec(a, rows(A))'*A; SCALAR_BY_MATRIX; vec-dot",
        "a'*kron(X, B)*b; X; a: vector, X: matrix, B: matrix, b: vector; unvec(b, cols(B))'*B'*unvec(a, rows(B)); SCALAR_BY_MATRIX; kron-vec",
        "a'*kron(x, B)*b; x; a: vector, x: vector, B: matrix, b: vector; a'*kron(I, B*unvec(b, cols(B))); SCALAR_BY_VECTOR; kron-vec",
        "sum(abs(diag(x))); x; x: vector; abs'(x)'; SCALAR_BY_VECTOR; hadamard-trace",
        "x*x'*x; x; x: vector; (x'*x)*I + 2*x*x'; VECTOR_BY_VECTOR; dot-symmetry",
        "(x - a)/norm2(x - a); x; x: vector, a: vector; I/norm2(x - a) - (x - a)*(x - a)'/norm2(x - a)^3; VECTOR_BY_VECTOR; collect-terms",
        "A*X*B; X; A: matrix, X: matrix, B: matrix; kron(B', A); VEC; vec-kron",
        "X*a; X; X: matrix, a: vector; kron(a', I); VEC; vec-kron",
        "x'*A; x; x: vector, A: matrix; A'; VEC; vec-kron",
        "x*a'; x; x: vector, a: vector; kron(a, I); VEC; vec-kron",
        "x*x'; x; x: vector; kron(x, I) + kron(I, x); VEC; vec-kron",
        "X .* C; X; X: matrix, C: matrix; diag(vec(C)); VEC; vec-kron",
        "exp(X); X; X: matrix; diag(vec(exp(X))); VEC; vec-kron",
        "inv(X); X; X: matrix; -kron(inv(X)', inv(X)); VEC; vec-kron",
        "X*X; X; X: matrix; kron(X', I) + kron(I, X); VEC; vec-kron",
        "vec(k'); k; k: vector; I; VECTOR_BY_VECTOR; vec-kron",
    })
    void derivesVerifiedWithTheStepThatExplainsIt(String expr, String wrt, String where, String expect, Form form, String fact) {
        VerifiedDerive.Result r = VerifiedDerive.run(expr, wrt, where, expect);
        assertEquals(form, r.derivation().form());
        assertTrue(r.derivation().steps().stream().anyMatch(s -> s.facts().contains(fact) || s.rule().equals(fact)),
                "a step citing " + fact + ": " + r.derivation().steps());
        assertTrue(Catalogue.byId(fact).isPresent(), fact + " is in the catalogue");
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = ';', value = {
        "X'; X; X: matrix",
        "X'*A*X; X; X: matrix, A: matrix",
        "kron(X, B)*b; X; X: matrix, B: matrix, b: vector",
        "S*A*S; S; S: symmetric, A: matrix",
        "X*S; S; S: spd, X: matrix",
    })
    void aTransposedMatrixDifferentialNeedsTheCommutationMatrix(String expr, String wrt, String where) {
        var e = assertThrows(VerifiedDerive.RequestException.class, () -> VerifiedDerive.run(expr, wrt, where, ""));
        assertTrue(e.getMessage().contains("commutation matrix"), e.getMessage());
    }
}
