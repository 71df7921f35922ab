package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookkeeping that needs no justification on the page, applied after every step: flat sums and
 * products, numbers folded into one leading coefficient, scalars ahead of matrices, zero terms
 * dropped, {@code (X')' = X}. Cancelling inverses, merging powers and symmetric transposes are
 * recorded steps ({@link Textbook}). Example: {@code 2*(3*x')} becomes
 * {@code 6*x'}. Anything a reader would want explained is a named step instead.
 */
final class Tidy {
    private Tidy() {}

    static Expr apply(Expr e) {
        Expr prev;
        Expr cur = e;
        int guard = 0;
        do {
            prev = cur;
            cur = tidyTree(cur);
        } while (!cur.equals(prev) && ++guard < 20);
        return cur;
    }

    /**
     * Bottom-up, except that the argument of a function with f(0) ≠ 0 (exp, cos, sigmoid, an
     * abstract one) is not folded to a bare 0: sigmoid(0*x) keeps x's size, which a shapeless 0
     * would lose (sum(sigmoid(0*x)) is n/2, not a number of unknown size).
     */
    private static Expr tidyTree(Expr e) {
        if (e instanceof Call c && !c.fn().vanishesAtZero()) {
            Expr arg = tidyTree(c.arg());
            return node(new Call(c.fn(), arg instanceof Zero ? c.arg() : arg));
        }
        if (e instanceof Expr.Apply a) {
            Expr arg = tidyTree(a.arg());
            return node(new Expr.Apply(a.name(), arg instanceof Zero ? a.arg() : arg, a.kind(), a.elementwise(), a.primes()));
        }
        return node(Tree.mapChildren(e, Tidy::tidyTree));
    }

    private static Expr node(Expr e) {
        return switch (e) {
            case Neg n -> neg(n.arg());
            case Transpose t -> transpose(t.arg());
            case Mul m -> product(m.factors());
            case Add a -> sum(a.terms());
            case Div d -> divide(d);
            case Pow p -> power(p);
            case ElemPow p -> p.exponent() instanceof Num k && k.value() == 1 ? p.base() : p;
            case Inv i -> switch (i.arg()) {
                case Inv inner -> inner.arg();
                case Expr.Identity id -> id;
                default -> i;
            };
            case Hadamard h -> hadamard(h);
            case Kron k -> k.left() instanceof Zero || k.right() instanceof Zero ? new Zero() : k;
            case Unvec u -> u.arg() instanceof Zero ? new Zero() : u;
            case Call c -> c.arg() instanceof Zero && c.fn().vanishesAtZero() ? new Zero() : c;
            default -> e;
        };
    }

    /** 1 ∘ y = y, and scalars factor out of a Hadamard product: (s A) ∘ B = s (A ∘ B). */
    private static Expr hadamard(Hadamard h) {
        if (h.left() instanceof Zero || h.right() instanceof Zero) {
            return new Zero();
        }
        if (h.right() instanceof Hadamard r && !Tree.hasDiff(h)) {
            // a ∘ (b ∘ c) = a ∘ b ∘ c: flattened to the left like a product
            return hadamard(new Hadamard(hadamard(new Hadamard(h.left(), r.left())), r.right()));
        }
        if (h.left() instanceof Ones && Outline.of(h.right()).colsOne()) {
            return h.right();
        }
        if (h.right() instanceof Ones && Outline.of(h.left()).colsOne()) {
            return h.left();
        }
        for (boolean left : new boolean[] {true, false}) {
            Expr side = left ? h.left() : h.right();
            if (side instanceof Mul m && Outline.of(m.factors().getFirst()).scalar() && !Outline.of(m).scalar()) {
                List<Expr> scalars = new ArrayList<>();
                List<Expr> rest = new ArrayList<>();
                for (Expr f : m.factors()) {
                    (rest.isEmpty() && Outline.of(f).scalar() ? scalars : rest).add(f);
                }
                Expr inner = Ex.mul(rest);
                scalars.add(left ? new Hadamard(inner, h.right()) : new Hadamard(h.left(), inner));
                return product(scalars);
            }
        }
        return h;
    }

    private static Expr neg(Expr arg) {
        return switch (arg) {
            case Neg n -> n.arg();
            case Zero z -> z;
            case Num n -> Ex.num(-n.value());
            case Mul m when m.factors().getFirst() instanceof Num k ->
                    product(replaceFirst(m.factors(), Ex.num(-k.value())));
            default -> new Neg(arg);
        };
    }

    private static List<Expr> replaceFirst(List<Expr> list, Expr first) {
        List<Expr> out = new ArrayList<>(list);
        out.set(0, first);
        return out;
    }

    private static Expr transpose(Expr arg) {
        return switch (arg) {
            case Transpose t -> t.arg();
            case Expr.Identity i -> i;
            case Zero z -> z;
            case Num n -> n;
            case Var v when Outline.of(v).scalar() -> v;
            case Call c when Outline.of(c).scalar() -> c;
            case Pow p when Outline.of(p).scalar() -> p;
            case Neg n -> neg(new Transpose(n.arg()));
            case Mul m when Outline.of(m.factors().getFirst()).scalar() && !Outline.of(m).scalar() -> {
                List<Expr> scalars = new ArrayList<>();
                List<Expr> rest = new ArrayList<>();
                for (Expr f : m.factors()) {
                    (rest.isEmpty() && Outline.of(f).scalar() ? scalars : rest).add(f);
                }
                scalars.add(new Transpose(Ex.mul(rest)));
                yield product(scalars);
            }
            default -> new Transpose(arg); // symmetric transposes are the recorded step symmetric-transpose
        };
    }

    /** One leading numeric coefficient, scalar factors next (stable), then the matrix chain. */
    private static Expr product(List<Expr> factors) {
        double coefficient = 1;
        List<Expr> scalars = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        java.util.ArrayDeque<Expr> work = new java.util.ArrayDeque<>(Ex.factors(Ex.mul(factors)));
        while (!work.isEmpty()) {
            Expr f = work.removeFirst();
            switch (f) {
                case Zero z -> {
                    return z;
                }
                case Num n -> coefficient *= n.value();
                case Neg n -> {
                    coefficient = -coefficient;
                    List<Expr> inner = n.arg() instanceof Mul m && !Outline.of(m).scalar() ? m.factors() : List.of(n.arg());
                    for (int i = inner.size() - 1; i >= 0; i--) {
                        work.addFirst(inner.get(i));
                    }
                }
                case Mul group when group.factors().stream().allMatch(g -> Outline.of(g).scalar()) -> {
                    // (2 det(X)) inv(X) is 2 det(X) inv(X): a group of scalars is flattened
                    for (int i = group.factors().size() - 1; i >= 0; i--) {
                        work.addFirst(group.factors().get(i));
                    }
                }
                default -> addFactor(f, scalars, chain);
            }
        }
        if (coefficient == 0) {
            return new Zero();
        }
        if (hasMatrixBesidesIdentity(chain)) {
            chain.removeIf(Expr.Identity.class::isInstance);
        } else if (chain.stream().anyMatch(Expr.Identity.class::isInstance)) {
            // I·I = I and dt·I = I dt: an identity whose company is scalar carries the shape, so one stays
            chain.removeIf(Expr.Identity.class::isInstance);
            chain.add(new Expr.Identity());
        }
        List<Expr> out = new ArrayList<>();
        if (coefficient != 1 && coefficient != -1) {
            out.add(Ex.num(Math.abs(coefficient)));
        }
        out.addAll(scalars);
        out.addAll(chain);
        Expr body = out.isEmpty() ? Ex.num(1) : out.size() == 1 ? out.getFirst() : new Mul(out);
        return coefficient < 0 ? new Neg(body) : body;
    }

    /** Whether the chain keeps its matrix shape without its identities (a scalar dt does not). */
    private static boolean hasMatrixBesidesIdentity(List<Expr> chain) {
        return chain.stream().anyMatch(f -> !(f instanceof Expr.Identity) && !Outline.of(f).scalar());
    }

    private static void addFactor(Expr f, List<Expr> scalars, List<Expr> chain) {
        if (f instanceof Num || (Outline.of(f).scalar() && !(f instanceof Diff))) {
            scalars.add(f);
        } else {
            chain.add(f);
        }
    }






    private static Expr sum(List<Expr> terms) {
        List<Expr> out = new ArrayList<>();
        double constant = 0;
        boolean sawConstant = false;
        for (Expr t : Ex.terms(Ex.add(terms))) {
            if (t instanceof Num n) {
                constant += n.value();
                sawConstant = true;
            } else {
                out.add(t);
            }
        }
        if (sawConstant && constant != 0) {
            out.add(Ex.num(constant));
        }
        return Ex.add(out);
    }

    private static Expr divide(Div d) {
        if (d.den() instanceof Num n && n.value() == 1) {
            return d.num();
        }
        if (d.num() instanceof Zero) {
            return d.num();
        }
        if (d.num() instanceof Num a && d.den() instanceof Num b && b.value() != 0) {
            return Ex.num(a.value() / b.value());
        }
        return d;
    }

    private static Expr power(Pow p) {
        if (p.exponent() instanceof Num k) {
            if (k.value() == 1) {
                return p.base();
            }
            if (k.value() == 0 && Outline.of(p.base()).scalar()) {
                return Ex.num(1);
            }
            if (p.base() instanceof Num b) {
                return Ex.num(Math.pow(b.value(), k.value()));
            }
        }
        return p;
    }
}
