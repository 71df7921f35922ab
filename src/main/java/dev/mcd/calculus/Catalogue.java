package dev.mcd.calculus;

import java.util.List;
import java.util.Optional;

/**
 * The identities of the tutorial (eqs. 1–27 as the tutorial numbers them) and the helper facts the engine cites,
 * as data: the single source for rule justifications and for the site's identity tables.
 * Example: {@code Catalogue.byNumber(16)} is the inverse rule d(X^-1) = -X^-1 dX X^-1.
 */
public final class Catalogue {
    private Catalogue() {}

    private static Identity eq(int n, String id, String group, String name, String statement, String where) {
        return new Identity(id, n, group, name, statement, where, "");
    }

    private static Identity texEq(int n, String id, String group, String name, String tex) {
        return new Identity(id, n, group, name, "", "", tex);
    }

    private static Identity fact(String id, String name, String statement, String where) {
        return new Identity(id, 0, "facts", name, statement, where, "");
    }

    public static final List<Identity> ALL = List.of(
            eq(1, "read-scalar-scalar", "read-off", "scalar by scalar", "d(y(x)) = y'(x)*d(x)", "x: scalar, y: scalar function"),
            eq(2, "read-scalar-vector", "read-off", "scalar by vector", "d(y(x)) = y'(x)*d(x)", "x: vector, y: scalar function"),
            eq(3, "read-scalar-matrix", "read-off", "scalar by matrix", "d(y(X)) = tr(y'(X)*d(X))", "X: matrix, y: scalar function"),
            eq(4, "read-vector-scalar", "read-off", "vector by scalar", "d(y(x)) = y'(x)*d(x)", "x: scalar, y: vector function"),
            eq(5, "read-vector-vector", "read-off", "vector by vector", "d(y(x)) = y'(x)*d(x)", "x: vector, y: vector function"),
            eq(6, "read-matrix-scalar", "read-off", "matrix by scalar", "d(Y(x)) = Y'(x)*d(x)", "x: scalar, Y: matrix function"),
            eq(7, "constant", "rules", "constant", "d(A) = 0", "A: matrix"),
            eq(8, "scalar-multiple", "rules", "scalar multiple", "d(a*X) = a*d(X)", "a: scalar, X: matrix"),
            eq(9, "sum-rule", "rules", "sum rule", "d(X + Y) = d(X) + d(Y)", "X: matrix, Y: matrix"),
            eq(10, "product-rule", "rules", "product rule", "d(X*Y) = d(X)*Y + X*d(Y)", "X: matrix, Y: matrix"),
            eq(11, "product-chain", "rules", "product of many",
                    "d(X_1*X_2*X_3) = d(X_1)*X_2*X_3 + X_1*d(X_2)*X_3 + X_1*X_2*d(X_3)", "X_1: matrix, X_2: matrix, X_3: matrix"),
            eq(12, "linear-form", "rules", "linear form", "d(A*X*B + C) = A*d(X)*B", "A: matrix, X: matrix, B: matrix, C: matrix"),
            eq(13, "kronecker-rule", "rules", "Kronecker product", "d(kron(X, Y)) = kron(d(X), Y) + kron(X, d(Y))", "X: matrix, Y: matrix"),
            eq(14, "hadamard-rule", "rules", "Hadamard product", "d(X .* Y) = d(X) .* Y + X .* d(Y)", "X: matrix, Y: matrix"),
            eq(15, "transpose-rule", "rules", "transpose", "d(X') = d(X)'", "X: matrix"),
            eq(16, "inverse-rule", "rules", "inverse", "d(inv(X)) = -inv(X)*d(X)*inv(X)", "X: matrix"),
            eq(17, "trace-rule", "rules", "trace", "d(tr(X)) = tr(d(X))", "X: matrix"),
            eq(18, "determinant-rule", "rules", "determinant",
                    "d(det(X)) = tr(adj(X)*d(X)) = det(X)*tr(inv(X)*d(X))", "X: matrix"),
            eq(19, "elementwise-rule", "rules", "element-wise function", "d(sigma(X)) = sigma'(X) .* d(X)", "X: matrix, sigma: elementwise function"),
            eq(20, "chain-vector", "chain", "scalar through a vector", "d(z(y(x))) = z'(y(x))*y'(x)*d(x)",
                    "z: scalar function, y: vector function, x: vector"),
            eq(21, "chain-matrix-scalar", "chain", "scalar through a scalar of a matrix",
                    "d(z(y(X))) = tr(z'(y(X))*y'(X)*d(X))", "z: scalar function, y: scalar function, X: matrix"),
            eq(22, "chain-scalar-matrix", "chain", "scalar through a matrix of a scalar",
                    "d(z(Y(x))) = tr(z'(Y(x))*Y'(x))*d(x)", "z: scalar function, Y: matrix function, x: scalar"),
            eq(23, "chain-vector-vector", "chain", "vector through a vector", "d(z(y(x))) = z'(y(x))*y'(x)*d(x)",
                    "z: vector function, y: vector function, x: vector"),
            texEq(24, "total-scalars", "total", "scalars",
                    "\\mathrm{d}f(x,y,z) = \\frac{\\partial f}{\\partial x}\\mathrm{d}x + \\frac{\\partial f}{\\partial y}\\mathrm{d}y + \\frac{\\partial f}{\\partial z}\\mathrm{d}z"),
            texEq(25, "total-mixed", "total", "scalar, vector and matrix arguments",
                    "\\mathrm{d}f(x,\\mathbf{y},\\mathbf{Z}) = \\frac{\\partial f}{\\partial x}\\mathrm{d}x + \\frac{\\partial f}{\\partial \\mathbf{y}}\\mathrm{d}\\mathbf{y} + \\mathrm{tr}\\left(\\frac{\\partial f}{\\partial \\mathbf{Z}}\\mathrm{d}\\mathbf{Z}\\right)"),
            texEq(26, "total-vector", "total", "vector-valued",
                    "\\mathrm{d}\\mathbf{f}(x,\\mathbf{y}) = \\frac{\\partial \\mathbf{f}}{\\partial x}\\mathrm{d}x + \\frac{\\partial \\mathbf{f}}{\\partial \\mathbf{y}}\\mathrm{d}\\mathbf{y}"),
            texEq(27, "total-matrix", "total", "matrix-valued",
                    "\\mathrm{d}\\mathbf{F}(x,y,z) = \\frac{\\partial \\mathbf{F}}{\\partial x}\\mathrm{d}x + \\frac{\\partial \\mathbf{F}}{\\partial y}\\mathrm{d}y + \\frac{\\partial \\mathbf{F}}{\\partial z}\\mathrm{d}z"),
            texEq(28, "read-vec", "beyond", "vec form",
                    "\\mathrm{d}\\,\\mathrm{vec}\\,\\mathbf{F} = \\frac{\\partial\\,\\mathrm{vec}\\,\\mathbf{F}}{\\partial(\\mathrm{vec}\\,\\mathbf{X})^T}\\,\\mathrm{d}\\,\\mathrm{vec}\\,\\mathbf{X}"),
            fact("scalar-trace", "a scalar is its own trace", "a = tr(a)", "a: scalar"),
            fact("cyclic-trace", "cyclic trace", "tr(A*B*C) = tr(B*C*A) = tr(C*A*B)", "A: matrix, B: matrix, C: matrix"),
            fact("trace-transpose", "trace of a transpose", "tr(A') = tr(A)", "A: matrix"),
            fact("transpose-product", "transpose of a product", "(A*B)' = B'*A'", "A: matrix, B: matrix"),
            fact("dot-symmetry", "symmetry of the dot product", "x'*y = y'*x", "x: vector, y: vector"),
            fact("scalar-transpose", "a scalar is its own transpose", "a' = a", "a: scalar"),
            fact("hadamard-move", "moving a Hadamard factor", "x'*(y .* z) = (x .* y)'*z", "x: vector, y: vector, z: vector"),
            fact("hadamard-trace", "Hadamard product and trace", "ones'*(A .* B)*ones = tr(A'*B)", "A: matrix, B: matrix"),
            fact("hadamard-division", "element-wise division as a product", "x ./ y = y.^-1 .* x", "x: vector, y: vector"),
            fact("hadamard-diag", "Hadamard product as a diagonal matrix", "x .* y = diag(x)*y", "x: vector, y: vector"),
            fact("kron-column", "Kronecker product with a column", "kron(x, a) = kron(I, a)*x", "x: vector, a: vector"),
            fact("kron-trace", "trace of a Kronecker product", "tr(kron(A, B)) = tr(A)*tr(B)", "A: matrix, B: matrix"),
            fact("vec-kron", "vec of a product", "vec(A*X*B) = kron(B', A)*vec(X)", "A: matrix, X: matrix, B: matrix"),
            fact("kron-vec", "a Kronecker product times a column", "kron(X, B)*b = vec(B*unvec(b, cols(B))*X')",
                    "X: matrix, B: matrix, b: vector"),
            fact("vec-dot", "a dot product with a vec", "a'*vec(M) = tr(unvec(a, rows(M))'*M)", "a: vector, M: matrix"),
            fact("collect-terms", "collecting like terms", "x' + x' = 2*x'", "x: vector"),
            fact("trace-linearity", "linearity of the trace", "tr(A) + tr(B) = tr(A + B)", "A: matrix, B: matrix"),
            fact("distributivity", "distributing a product", "A*(B + C) = A*B + A*C", "A: matrix, B: matrix, C: matrix"),
            fact("scalar-commute", "scalars commute", "a*x = x*a", "a: scalar, x: vector"),
            fact("norm-squared", "squared norms", "norm2(x)^2 = x'*x", "x: vector"),
            fact("norm-differential", "differential of a norm", "d(norm2(x)) = x'*d(x)/norm2(x)", "x: vector"),
            fact("sum-ones", "sum of entries", "sum(x) = ones'*x", "x: vector"),
            fact("adjugate", "adjugate", "adj(X) = det(X)*inv(X)", "X: matrix"),
            fact("negative-power", "a negative power is a power of the inverse", "X^-2 = inv(X)^2", "X: matrix"),
            fact("varying-exponent", "a power with a varying exponent", "d(a .^ t) = (a .^ t .* log(a))*d(t)", "a: vector, t: scalar"),
            fact("vec-column", "vec of a column", "vec(x) = x", "x: vector"),
            fact("vec-linearity", "vec is linear", "vec(A + 2*B) = vec(A) + 2*vec(B)", "A: matrix, B: matrix"),
            fact("diag-trace", "trace against a diagonal matrix", "tr(A*diag(x)) = diag(A)'*x", "A: square matrix, x: vector"),
            fact("diag-swap", "a diagonal matrix times a vector", "diag(x)*y = diag(y)*x", "x: vector, y: vector"),
            fact("symmetric-gradient", "the gradient on symmetric matrices",
                    "tr(G*(d(S) + d(S)')) = tr((G + G')*d(S))", "G: matrix, S: matrix"),
            fact("matrix-powers", "powers of one matrix", "X^2*inv(X^3) = inv(X)", "X: square matrix"),
            fact("scalar-powers", "powers of one scalar", "a^-2*a^-1*b = b/a^3", "a: scalar, b: scalar"),
            fact("abs-derivative", "derivative of the absolute value", "abs'(a)*a = abs(a)", "a: scalar"),
            fact("trace-of-scalar", "the trace of a scalar is the scalar", "tr(x'*A*y) = x'*A*y", "x: vector, A: matrix, y: vector"),
            fact("transpose-of-scalar", "the transpose of a scalar is the scalar", "(x'*A*y)' = x'*A*y", "x: vector, A: matrix, y: vector"),
            fact("symmetric-transpose", "transpose of a symmetric product", "(A'*A)' = A'*A", "A: matrix"),
            fact("hadamard-transpose", "transpose of a Hadamard product", "(A' .* B)' = A .* B'", "A: matrix, B: matrix"),
            fact("sigmoid-derivative", "derivative of the sigmoid", "sigmoid'(x) = sigmoid(x) .* (ones - sigmoid(x))", "x: vector"),
            fact("diag-product", "product of diagonal matrices", "diag(x)*diag(y) = diag(x .* y)", "x: vector, y: vector"),
            fact("diag-sum", "sum of diagonal matrices", "diag(x) + diag(y) = diag(x + y)", "x: vector, y: vector"),
            fact("elementwise-powers", "element-wise powers of one vector", "x.^3 .* (y ./ x.^2) = x .* y", "x: vector, y: vector"),
            fact("tangent-squared", "one plus tangent squared", "ones + sin(x).^2 ./ cos(x).^2 = cos(x).^-2", "x: vector"),
            fact("common-factor", "taking out a common factor", "A*B*D + A*C*D = A*(B + C)*D", "A: matrix, B: matrix, C: matrix, D: matrix"),
            fact("fraction-coefficient", "a fraction as a division", "(2/3)*A = 2*A/3", "A: matrix"),
            fact("transpose-collect", "one term written two ways", "(A*x)'*B + x'*A'*B = 2*x'*A'*B", "A: matrix, x: vector, B: matrix"),
            fact("linear-map", "linear maps commute with d", "d(vec(X)) = vec(d(X))", "X: matrix")
    );

    public static List<String> groups() {
        return List.of("read-off", "rules", "chain", "total", "beyond", "facts");
    }

    public static List<Identity> group(String group) {
        return ALL.stream().filter(i -> i.group().equals(group)).toList();
    }

    public static Optional<Identity> byId(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public static Optional<Identity> byNumber(int number) {
        return ALL.stream().filter(i -> i.number() == number).findFirst();
    }

}
