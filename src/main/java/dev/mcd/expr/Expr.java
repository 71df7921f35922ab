package dev.mcd.expr;

import java.util.List;
import java.util.Objects;

/**
 * An expression of the language (README.md, "The expression language, in brief"), e.g. {@code norm2(W*x + b)^2}: a sealed family
 * of immutable records. Source positions live beside the tree (see {@link SourceMap}), so two
 * equal expressions are equal records wherever they were written.
 */
public sealed interface Expr {

    /** The direct subexpressions in source order, e.g. the terms of a sum; none for a leaf. */
    default List<Expr> children() {
        return switch (this) {
            case Var v -> List.of();
            case Num n -> List.of();
            case Identity i -> List.of();
            case Zero z -> List.of();
            case Ones o -> List.of();
            case Add a -> a.terms();
            case Mul m -> m.factors();
            case Neg n -> List.of(n.arg());
            case Div d -> List.of(d.num(), d.den());
            case Hadamard h -> List.of(h.left(), h.right());
            case HadamardDiv h -> List.of(h.left(), h.right());
            case Kron k -> List.of(k.left(), k.right());
            case Unvec u -> List.of(u.arg(), u.like());
            case Pow p -> List.of(p.base(), p.exponent());
            case ElemPow p -> List.of(p.base(), p.exponent());
            case Inv i -> List.of(i.arg());
            case Transpose t -> List.of(t.arg());
            case Call c -> List.of(c.arg());
            case Prime p -> List.of(p.arg());
            case Apply a -> List.of(a.arg());
            case Grad g -> List.of(g.of());
            case Diff d -> List.of(d.arg());
        };
    }

    /** A named quantity: a variable or a constant, by its declared or default kind. */
    record Var(String name, Kind kind) implements Expr {
        public Var {
            Objects.requireNonNull(kind);
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a name is needed");
            }
        }
    }

    /** A scalar number; integers print without a decimal point. */
    record Num(double value) implements Expr {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
        }
    }

    /** The identity matrix {@code I}, square of whatever size its context needs. */
    record Identity() implements Expr {}

    /** The zero of whatever shape its context needs (the {@code 0} of eq. 7). */
    record Zero() implements Expr {}

    /** The all-ones column vector {@code 1} (or {@code ones}). */
    record Ones() implements Expr {}

    /** A sum of two or more terms; {@code a - b} is {@code Add(a, Neg(b))}. */
    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("a sum needs two terms");
            }
        }
    }

    /** A product of two or more factors, matrix or scalar, in order (not commutative). */
    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
            if (factors.size() < 2) {
                throw new IllegalArgumentException("a product needs two factors");
            }
        }
    }

    record Neg(Expr arg) implements Expr {}

    /** Division by a scalar. */
    record Div(Expr num, Expr den) implements Expr {}

    /** Element-wise (Hadamard) product, the tutorial's {@code ∘}. */
    record Hadamard(Expr left, Expr right) implements Expr {}

    /** Element-wise division {@code ./}. */
    record HadamardDiv(Expr left, Expr right) implements Expr {}

    /** Kronecker product {@code ⊗}. */
    record Kron(Expr left, Expr right) implements Expr {}

    /**
     * The inverse of vec: the column {@code arg} cut into columns of as many entries as {@code like}
     * has rows ({@code side} ROWS) or columns (COLS), column-major, e.g. {@code unvec(b, cols(B))}
     * for b of length q·n and B p×q is q×n, and {@code unvec(vec(X), rows(X)) = X}. The size is named
     * by an expression, never a number, so that it stays symbolic; {@code like} is read only for its
     * shape, so its value never matters (a size does not vary).
     */
    record Unvec(Expr arg, Expr like, Side side) implements Expr {
        public Unvec {
            Objects.requireNonNull(arg);
            Objects.requireNonNull(like);
            Objects.requireNonNull(side);
        }

        /** Which size of {@code like} the result's rows take; written {@code rows(M)} or {@code cols(M)}. */
        public enum Side {
            ROWS("rows"), COLS("cols");

            private final String source;

            Side(String source) {
                this.source = source;
            }

            /** The name as written in the language, e.g. {@code cols}. */
            public String source() {
                return source;
            }

            public Side flipped() {
                return this == ROWS ? COLS : ROWS;
            }
        }
    }

    /** Scalar power, or integer power of a square matrix. {@code X^-1} parses to {@link Inv}. */
    record Pow(Expr base, Expr exponent) implements Expr {}

    /** Element-wise power {@code .^}. */
    record ElemPow(Expr base, Expr exponent) implements Expr {}

    /** Matrix inverse {@code inv(X)} or {@code X^-1}. */
    record Inv(Expr arg) implements Expr {}

    /** Transpose {@code X'}. */
    record Transpose(Expr arg) implements Expr {}

    /** A built-in function applied to one argument, e.g. {@code tr(X)}. */
    record Call(Fn fn, Expr arg) implements Expr {}

    /**
     * The element-wise derivative of a built-in element-wise function, e.g. tanh'(X),
     * used where it has no shorter closed form in the language (eq. 19).
     */
    record Prime(Fn fn, Expr arg) implements Expr {
        public Prime {
            if (!fn.elementwise()) {
                throw new IllegalArgumentException(fn.source() + " is not element-wise");
            }
        }
    }

    /**
     * An abstract function such as {@code l(y)} (scalar loss), {@code sigma(X)} (generic
     * element-wise, {@code elementwise} true) or {@code y(x)}; {@code primes} counts
     * derivatives taken of an element-wise one (sigma'). {@code kind} is the value's kind.
     */
    record Apply(String name, Expr arg, Kind kind, boolean elementwise, int primes) implements Expr {
        public Apply {
            Objects.requireNonNull(arg);
            if (primes < 0 || (primes > 0 && !elementwise)) {
                throw new IllegalArgumentException("only element-wise functions take primes");
            }
        }
    }

    /**
     * The derivative of a non-element-wise abstract function by its argument, in numerator
     * layout, at that argument: for {@code l(y)} it is dl/dy, a row; for {@code y(x)} the
     * Jacobian dy/dx (eqs. 2, 3, 5).
     */
    record Grad(Apply of) implements Expr {
        public Grad {
            if (of.elementwise()) {
                throw new IllegalArgumentException("element-wise functions differentiate to primes");
            }
        }
    }

    /** The differential {@code d(X)}. */
    record Diff(Expr arg) implements Expr {}
}
