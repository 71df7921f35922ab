package dev.mcd.expr;

/**
 * The one plain-text printer: it prints an expression in the language it was parsed from, with the fewest parentheses that keep
 * its tree, e.g. {@code Mul(A, Add(x, b))} as {@code A*(x + b)}; printing a tree the parser made and
 * parsing the text again, with the same declarations, gives an equal tree (chains flatten, so a
 * nested {@code Add} inside an {@code Add} keeps its parentheses).
 *
 * <p>It lives in {@code expr}, not {@code print}, because the engine's own messages
 * ({@code calculus}: the term no rule could move) and the verifier's (errors, and the seeds of its
 * random points) need it, and neither may import {@code print}; it needs nothing but the tree.
 */
public final class TextPrinter {
    private TextPrinter() {}

    // Precedence, loosest first, as in the parser.
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int HADAMARD = 3;
    private static final int UNARY = 4;
    private static final int POWER = 5;
    private static final int POSTFIX = 6;
    private static final int ATOM = 7;

    public static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        print(e, out);
        return out.toString();
    }

    private static void print(Expr e, StringBuilder out) {
        switch (e) {
            case Expr.Var v -> out.append(v.name());
            case Expr.Num n -> out.append(number(n.value()));
            case Expr.Identity i -> out.append("I");
            case Expr.Zero z -> out.append("0");
            case Expr.Ones o -> out.append("ones");
            case Expr.Add a -> {
                wrap(a.terms().getFirst(), PRODUCT, out);
                for (Expr t : a.terms().subList(1, a.terms().size())) {
                    if (t instanceof Expr.Neg(Expr inner)) {
                        out.append(" - ");
                        signedTerm(inner, out);
                    } else {
                        out.append(" + ");
                        signedTerm(t, out);
                    }
                }
            }
            case Expr.Mul m -> {
                Expr first = m.factors().getFirst();
                // A leading quotient reads left to right (a/b*c); a leading product must stay grouped.
                wrap(first, first instanceof Expr.Mul ? HADAMARD : PRODUCT, out);
                for (Expr f : m.factors().subList(1, m.factors().size())) {
                    out.append('*');
                    wrap(f, HADAMARD, out);
                }
            }
            case Expr.Neg n -> {
                out.append('-');
                String inner = print(n.arg());
                // "-2" would read back as the number -2, "--x" is legal but hard to read.
                boolean group = prec(n.arg()) < UNARY || n.arg() instanceof Expr.Num || inner.startsWith("-");
                out.append(group ? "(" + inner + ")" : inner);
            }
            case Expr.Div d -> {
                wrap(d.num(), d.num() instanceof Expr.Mul || d.num() instanceof Expr.Div ? PRODUCT : HADAMARD, out);
                out.append('/');
                wrap(d.den(), HADAMARD, out);
            }
            case Expr.Hadamard h -> binary(h.left(), " .* ", h.right(), out);
            case Expr.HadamardDiv h -> binary(h.left(), " ./ ", h.right(), out);
            case Expr.Kron k -> {
                out.append("kron(");
                print(k.left(), out);
                out.append(", ");
                print(k.right(), out);
                out.append(')');
            }
            case Expr.Unvec u -> {
                out.append("unvec(");
                print(u.arg(), out);
                out.append(", ").append(u.side().source()).append('(');
                print(u.like(), out);
                out.append("))");
            }
            case Expr.Pow p -> power(p.base(), "^", p.exponent(), out);
            case Expr.ElemPow p -> power(p.base(), ".^", p.exponent(), out);
            case Expr.Inv i -> call("inv", i.arg(), out);
            case Expr.Transpose t -> {
                wrap(t.arg(), POSTFIX, out);
                out.append('\'');
            }
            case Expr.Call c -> call(c.fn().source(), c.arg(), out);
            case Expr.Prime p -> call(p.fn().source() + "'", p.arg(), out);
            case Expr.Apply a -> call(a.name() + "'".repeat(a.primes()), a.arg(), out);
            case Expr.Grad g -> call(g.of().name() + "'", g.of().arg(), out);
            case Expr.Diff d -> call("d", d.arg(), out);
        }
    }

    /** A term after + or -: parenthesised when it would start with a sign. */
    private static void signedTerm(Expr t, StringBuilder out) {
        String text = prec(t) < PRODUCT ? "(" + print(t) + ")" : print(t);
        out.append(text.startsWith("-") ? "(" + text + ")" : text);
    }

    private static void binary(Expr left, String op, Expr right, StringBuilder out) {
        wrap(left, HADAMARD, out);
        out.append(op);
        wrap(right, UNARY, out);
    }

    private static void power(Expr base, String op, Expr exponent, StringBuilder out) {
        wrap(base, POSTFIX, out);
        out.append(op);
        // Right-associative: a^b^c is a^(b^c); a signed exponent needs no parentheses (x^-2).
        wrap(exponent, UNARY, out);
    }

    private static void call(String name, Expr arg, StringBuilder out) {
        out.append(name).append('(');
        print(arg, out);
        out.append(')');
    }

    private static void wrap(Expr e, int min, StringBuilder out) {
        if (prec(e) < min) {
            out.append('(');
            print(e, out);
            out.append(')');
        } else {
            print(e, out);
        }
    }

    private static int prec(Expr e) {
        return switch (e) {
            case Expr.Add a -> SUM;
            case Expr.Mul m -> PRODUCT;
            case Expr.Div d -> PRODUCT;
            case Expr.Hadamard h -> HADAMARD;
            case Expr.HadamardDiv h -> HADAMARD;
            case Expr.Neg n -> UNARY;
            case Expr.Num n -> isNegative(n.value()) ? UNARY : ATOM;
            case Expr.Pow p -> POWER;
            case Expr.ElemPow p -> POWER;
            case Expr.Transpose t -> POSTFIX;
            case Expr.Var v -> ATOM;
            case Expr.Identity i -> ATOM;
            case Expr.Zero z -> ATOM;
            case Expr.Ones o -> ATOM;
            case Expr.Kron k -> ATOM;
            case Expr.Unvec u -> ATOM;
            case Expr.Inv i -> ATOM;
            case Expr.Call c -> ATOM;
            case Expr.Prime p -> ATOM;
            case Expr.Apply a -> ATOM;
            case Expr.Grad g -> ATOM;
            case Expr.Diff d -> ATOM;
        };
    }

    private static boolean isNegative(double v) {
        return v < 0 || (v == 0 && 1 / v < 0);
    }

    /** Whether 1/q has a finite decimal expansion (q = 2^a 5^b). */
    private static boolean terminates(int q) {
        while (q % 2 == 0) {
            q /= 2;
        }
        while (q % 5 == 0) {
            q /= 5;
        }
        return q == 1;
    }

    /** Integers without a point ({@code 2}); the number zero as {@code 0.0}, since {@code 0} is the zero matrix. */
    static String number(double v) {
        if (isNegative(v)) {
            return "-" + number(-v);
        }
        if (v == 0) {
            return "0.0";
        }
        if (v == Math.rint(v) && v < 1e15) {
            return Long.toString((long) v);
        }
        if (Fractions.denominator(v) > 0 && !terminates(Fractions.denominator(v))) {
            // a rational without a finite decimal as the reader wrote it, (1/3), never 0.33333333333333326;
            // 0.5 and 2.5 stay as written
            int q = Fractions.denominator(v);
            return "(" + Math.round(v * q) + "/" + q + ")";
        }
        return Double.toString(v);
    }
}
