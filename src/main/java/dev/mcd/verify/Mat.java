package dev.mcd.verify;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Small value-style helpers over EJML matrices (every call returns a new matrix, inputs are never
 * mutated), e.g. {@code Mat.mul(Mat.t(x), x)} for x'x. Scalars are 1×1 matrices throughout.
 */
final class Mat {
    private Mat() {}

    static DMatrixRMaj zeros(int rows, int cols) {
        return new DMatrixRMaj(rows, cols);
    }

    static DMatrixRMaj eye(int n) {
        return CommonOps_DDRM.identity(n);
    }

    static DMatrixRMaj filled(int rows, int cols, double v) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(m, v);
        return m;
    }

    static DMatrixRMaj scalar(double v) {
        return filled(1, 1, v);
    }

    static DMatrixRMaj nan(int rows, int cols) {
        return filled(rows, cols, Double.NaN);
    }

    static boolean isScalar(DMatrixRMaj m) {
        return m.numRows == 1 && m.numCols == 1;
    }

    static boolean isSquare(DMatrixRMaj m) {
        return m.numRows == m.numCols;
    }

    static double the(DMatrixRMaj m) {
        if (!isScalar(m)) {
            throw new VerificationException("expected a scalar but the value is " + shape(m));
        }
        return m.get(0, 0);
    }

    static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    static boolean sameShape(DMatrixRMaj a, DMatrixRMaj b) {
        return a.numRows == b.numRows && a.numCols == b.numCols;
    }

    static void requireSameShape(String what, DMatrixRMaj a, DMatrixRMaj b) {
        if (!sameShape(a, b)) {
            throw new VerificationException(what + " needs equal shapes, got " + shape(a) + " and " + shape(b));
        }
    }

    static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("a sum", a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, c);
        return c;
    }

    static DMatrixRMaj sub(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("a difference", a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, c);
        return c;
    }

    static DMatrixRMaj scale(double s, DMatrixRMaj a) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.scale(s, a, c);
        return c;
    }

    static DMatrixRMaj neg(DMatrixRMaj a) {
        return scale(-1, a);
    }

    /** The matrix product, or scaling when either side is 1×1 (the language's n-ary product rule). */
    static DMatrixRMaj mul(DMatrixRMaj a, DMatrixRMaj b) {
        if (isScalar(a)) {
            return scale(a.get(0, 0), b);
        }
        if (isScalar(b)) {
            return scale(b.get(0, 0), a);
        }
        if (a.numCols != b.numRows) {
            throw new VerificationException("cannot multiply " + shape(a) + " by " + shape(b));
        }
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    static DMatrixRMaj t(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }

    static DMatrixRMaj kron(DMatrixRMaj a, DMatrixRMaj b) {
        return CommonOps_DDRM.kron(a, b, null);
    }

    static DMatrixRMaj map(DMatrixRMaj a, DoubleUnaryOperator f) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.getNumElements(); i++) {
            c.data[i] = f.applyAsDouble(a.data[i]);
        }
        return c;
    }

    /** Entry by entry; a 1×1 side is broadcast, as in {@code X .^ 2}. */
    static DMatrixRMaj zip(DMatrixRMaj a, DMatrixRMaj b, DoubleBinaryOperator f) {
        if (isScalar(b) && !isScalar(a)) {
            double s = b.get(0, 0);
            return map(a, v -> f.applyAsDouble(v, s));
        }
        if (isScalar(a) && !isScalar(b)) {
            double s = a.get(0, 0);
            return map(b, v -> f.applyAsDouble(s, v));
        }
        requireSameShape("an element-wise operation", a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < a.getNumElements(); i++) {
            c.data[i] = f.applyAsDouble(a.data[i], b.data[i]);
        }
        return c;
    }

    static DMatrixRMaj hadamard(DMatrixRMaj a, DMatrixRMaj b) {
        return zip(a, b, (x, y) -> x * y);
    }

    static double trace(DMatrixRMaj a) {
        requireSquare("tr", a);
        return CommonOps_DDRM.trace(a);
    }

    static double sum(DMatrixRMaj a) {
        return CommonOps_DDRM.elementSum(a);
    }

    /** Sum of entry-wise products, i.e. tr(A'B); the pairing of a gradient with a direction. */
    static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("a pairing", a, b);
        double s = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            s += a.data[i] * b.data[i];
        }
        return s;
    }

    static double maxAbs(DMatrixRMaj a) {
        double m = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double v = Math.abs(a.data[i]);
            if (!(v <= m)) {
                m = v; // NaN wins, so a NaN anywhere is never hidden by a max
            }
        }
        return m;
    }

    static boolean finite(DMatrixRMaj a) {
        for (int i = 0; i < a.getNumElements(); i++) {
            if (!Double.isFinite(a.data[i])) {
                return false;
            }
        }
        return true;
    }

    static void requireSquare(String what, DMatrixRMaj a) {
        if (!isSquare(a)) {
            throw new VerificationException(what + " needs a square matrix, got " + shape(a));
        }
    }

    static DMatrixRMaj inv(DMatrixRMaj a) {
        requireSquare("inv", a);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        if (!CommonOps_DDRM.invert(a, c) || norm1(a) * norm1(c) > MAX_CONDITION || !isIdentity(mul(a, c))) {
            // singular or nearly so (X'X of a wide X; LU can return moderate garbage for an exactly
            // singular matrix, hence the residual): outside the domain, the caller redraws
            return nan(a.numRows, a.numCols);
        }
        return c;
    }

    /** Beyond this 1-norm condition number an inverse is rounding noise, not a value to check against. */
    private static final double MAX_CONDITION = 1e10;

    private static boolean isIdentity(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                if (!(Math.abs(m.get(i, j) - (i == j ? 1 : 0)) < 1e-8)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest column sum of absolute values. */
    private static double norm1(DMatrixRMaj a) {
        double best = 0;
        for (int j = 0; j < a.numCols; j++) {
            double s = 0;
            for (int i = 0; i < a.numRows; i++) {
                s += Math.abs(a.get(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** The determinant; exactly 0 for a numerically singular matrix (X'X of a wide X), not rounding noise. */
    static double det(DMatrixRMaj a) {
        requireSquare("det", a);
        double det = CommonOps_DDRM.det(a);
        return det != 0 && !finite(inv(a)) ? 0 : det;
    }

    /** The matrix with row i and column j removed. */
    static DMatrixRMaj minor(DMatrixRMaj a, int i, int j) {
        int n = a.numRows;
        DMatrixRMaj m = new DMatrixRMaj(n - 1, n - 1);
        for (int r = 0, mr = 0; r < n; r++) {
            if (r == i) {
                continue;
            }
            for (int c = 0, mc = 0; c < n; c++) {
                if (c != j) {
                    m.set(mr, mc++, a.get(r, c));
                }
            }
            mr++;
        }
        return m;
    }

    /** The adjugate from cofactors, so it is exact for singular matrices too (adj X = |X| X^-1 otherwise). */
    /**
     * The adjugate, defined for every square matrix (singular ones too): from A = U Σ V',
     * adj(A) = det(U) det(V) V adj(Σ) U' with adj(Σ)_ii the product of the other singular values.
     * O(n³), where cofactors by recursive minors took minutes for a 6×6 tangent.
     */
    static DMatrixRMaj adj(DMatrixRMaj a) {
        requireSquare("adj", a);
        int n = a.numRows;
        if (n == 1) {
            return scalar(1);
        }
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(a.copy())) {
            return nan(n, n);
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sigma = svd.getSingularValues();
        DMatrixRMaj middle = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double others = 1;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others *= sigma[j];
                }
            }
            middle.set(i, i, others);
        }
        double sign = CommonOps_DDRM.det(u) * CommonOps_DDRM.det(v);
        return scale(Math.signum(sign), mul(mul(v, middle), t(u)));
    }

    static DMatrixRMaj adjTangent(DMatrixRMaj a, DMatrixRMaj da) {
        int n = a.numRows;
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        if (n == 1) {
            return c;
        }
        DMatrixRMaj inverse = inv(a);
        if (finite(inverse)) {
            // invertible: d adj(A) = det(A) (tr(A^-1 dA) A^-1 - A^-1 dA A^-1), O(n³) instead of O(n⁵)
            DMatrixRMaj step = mul(inverse, da);
            return scale(CommonOps_DDRM.det(a), sub(scale(trace(step), inverse), mul(step, inverse)));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sign = ((i + j) % 2 == 0) ? 1 : -1;
                DMatrixRMaj m = minor(a, i, j);
                c.set(j, i, sign * dot(t(adj(m)), minor(da, i, j)));
            }
        }
        return c;
    }

    /** Columns stacked into one column (column-major), the vec of the Kronecker identities. */
    static DMatrixRMaj vec(DMatrixRMaj a) {
        DMatrixRMaj c = new DMatrixRMaj(a.getNumElements(), 1);
        int k = 0;
        for (int j = 0; j < a.numCols; j++) {
            for (int i = 0; i < a.numRows; i++) {
                c.data[k++] = a.get(i, j);
            }
        }
        return c;
    }

    /** The inverse of {@link #vec}: fills a rows×cols matrix column by column. */
    static DMatrixRMaj unvec(DMatrixRMaj v, int rows, int cols) {
        DMatrixRMaj c = new DMatrixRMaj(rows, cols);
        int k = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                c.set(i, j, v.data[k++]);
            }
        }
        return c;
    }

    /** diag of a vector is the diagonal matrix; diag of a square matrix is its diagonal as a column. */
    static DMatrixRMaj diag(DMatrixRMaj a) {
        if (a.numCols == 1) {
            int n = a.numRows;
            DMatrixRMaj c = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                c.set(i, i, a.get(i, 0));
            }
            return c;
        }
        requireSquare("diag", a);
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, 1);
        for (int i = 0; i < a.numRows; i++) {
            c.set(i, 0, a.get(i, i));
        }
        return c;
    }

    /** The value of every entry, for messages: {@code [[1, 2], [3, 4]]} or a bare number for 1×1. */
    static String show(DMatrixRMaj a) {
        if (isScalar(a)) {
            return num(a.get(0, 0));
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.numRows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a.numCols; j++) {
                sb.append(j == 0 ? "" : ", ").append(num(a.get(i, j)));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    static String num(double v) {
        return dropZeros(Decimal.general(v, 10));
    }

    /**
     * The fraction's trailing zeros dropped, and its dot when nothing is left after it:
     * "2.500000000" → "2.5", "1.000000000e+05" → "1e+05"; a whole number or an exponent keeps its
     * zeros ("1234567890", "1.5e-10"). Written out: a regex would put the whole regex engine into the
     * browser build.
     */
    static String dropZeros(String s) {
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') < 0) {
            return s;
        }
        int end = mantissa.length();
        while (mantissa.charAt(end - 1) == '0') {
            end--;
        }
        if (mantissa.charAt(end - 1) == '.') {
            end--;
        }
        return mantissa.substring(0, end) + exponent;
    }
}
