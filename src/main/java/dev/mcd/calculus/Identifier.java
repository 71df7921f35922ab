package dev.mcd.calculus;

import static dev.mcd.calculus.Ex.mul;
import static dev.mcd.calculus.Ex.t;
import static dev.mcd.calculus.Ex.tr;

import dev.mcd.expr.Expr.*;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Brings an expanded differential to the read-off form of its {@link Form} and reads the
 * derivative off (docs/ARCHITECTURE.md, "The pipeline", step 4, Identify). Example (eq. 3): 2(Wx+b)'dW x →
 * tr(2(Wx+b)'dW x) (scalar-trace) → tr(2x(Wx+b)'dW) (cyclic-trace) → G = 2x(Wx+b)'.
 * Each move is a helper fact applied to every term it fits, one step per fact.
 */
final class Identifier {
    private static final int MAX_ROUNDS = 60;

    /** A move on one term: the fact it uses and how it rewrites the term, if it fits. */
    private record Move(String fact, BiFunction<Expr, Var, Optional<Expr>> rewrite) {}

    private Identifier() {}

    record Outcome(List<Step> steps, Expr result) {}

    static Outcome identify(Expr expanded, Var v, Form form, Square square, Budget budget) {
        List<Step> steps = new ArrayList<>();
        Expr current = Tidy.apply(expanded);
        if (current instanceof Zero) {
            // d f = 0 everywhere (e.g. tr(X inv(X)) = tr(I)): the derivative is 0, read off as such.
            return new Outcome(steps, new Zero());
        }
        if (byScalar(form)) {
            return readOffScalarVariable(current, v, form, steps);
        }
        List<Move> moves = moves(form, square);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            budget.check(current);
            Expr collected = Collect.apply(current);
            if (!collected.equals(current)) {
                current = collected;
                steps.add(new Step(current, "collect-terms", List.of(), List.of("collect-terms")));
                continue;
            }
            if (Ex.terms(current).stream().allMatch(term -> gradientOf(term, v, form).isPresent())) {
                return finish(current, v, form, steps);
            }
            boolean moved = false;
            for (Move m : moves) {
                Expr next = applyToTerms(current, v, m);
                if (!next.equals(current)) {
                    current = next;
                    steps.add(new Step(current, m.fact(), List.of(), List.of(m.fact())));
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                Expr stuck = Ex.terms(current).stream().filter(term -> gradientOf(term, v, form).isEmpty()).findFirst().orElse(current);
                String shown = TextPrinter.print(stuck);
                if (shown.length() > 160) {
                    shown = shown.substring(0, 150) + " … (" + shown.length() + " characters)"; // one readable line
                }
                throw new UnsupportedException("no rule brings the term " + shown + " to the form of eq. (" + form.equation() + ")");
            }
        }
        throw new UnsupportedException("identification did not finish within " + MAX_ROUNDS + " moves");
    }

    private static boolean byScalar(Form form) {
        return form == Form.SCALAR_BY_SCALAR || form == Form.VECTOR_BY_SCALAR || form == Form.MATRIX_BY_SCALAR;
    }

    private static Expr applyToTerms(Expr sum, Var v, Move m) {
        List<Expr> out = new ArrayList<>();
        for (Expr term : Ex.terms(sum)) {
            out.add(m.rewrite().apply(term, v).map(Tidy::apply).orElse(term));
        }
        return Tidy.apply(Ex.add(out));
    }

    /** eqs. 1, 4, 6: dv is a scalar, so each term is its coefficient times dv. */
    private static Outcome readOffScalarVariable(Expr current, Var v, Form form, List<Step> steps) {
        List<Expr> parts = new ArrayList<>();
        for (Expr term : Ex.terms(current)) {
            parts.add(Tidy.apply(Tree.bottomUp(term, e -> e instanceof Diff d && d.arg().equals(v) ? Ex.num(1) : e)));
        }
        Expr g = Collect.apply(Ex.add(parts));
        Expr shown = Tidy.apply(mul(g, Ex.d(v)));
        if (!shown.equals(current)) {
            steps.add(new Step(shown, "scalar-differential", List.of(), List.of("scalar-commute")));
        }
        return new Outcome(steps, simplified(g, v, form, steps));
    }

    private static Outcome finish(Expr current, Var v, Form form, List<Step> steps) {
        List<Expr> parts = new ArrayList<>();
        for (Expr term : Ex.terms(current)) {
            parts.add(gradientOf(term, v, form).orElseThrow());
        }
        Expr g = Collect.apply(Ex.add(parts));
        Expr shown = Tidy.apply(form == Form.SCALAR_BY_MATRIX ? tr(mul(g, Ex.d(v)))
                : form == Form.VEC ? mul(g, VecForm.vecOfDiff(v)) : mul(g, Ex.d(v)));
        if (!shown.equals(current)) {
            steps.add(new Step(shown, "collect-terms", List.of(), List.of(form == Form.SCALAR_BY_MATRIX ? "trace-linearity" : "collect-terms")));
        }
        return new Outcome(steps, simplified(g, v, form, steps));
    }

    /**
     * The read-off derivative brought to a textbook's form, each move a step citing its fact
     * ({@link Textbook}): -1/|x|^2 (1/|x|) x' dx = -x'/|x|^3 dx by scalar-powers.
     */
    private static Expr simplified(Expr g, Var v, Form form, List<Step> steps) {
        Expr current = g;
        for (Strategy.Move m : Strategy.exhaust(Textbook.RULES, g)) {
            current = m.result();
            steps.add(new Step(readOffForm(current, v, form), m.rule().id(), List.of(), List.of(m.rule().fact())));
        }
        return current;
    }

    /** tr(G dX) for eq. 3, G dx otherwise. */
    private static Expr readOffForm(Expr g, Var v, Form form) {
        if (g instanceof Zero) {
            return g;
        }
        return Tidy.apply(form == Form.SCALAR_BY_MATRIX ? tr(mul(g, Ex.d(v))) : mul(g, Ex.d(v)));
    }

    /** G of a term already of the form tr(G dX) (eq. 3) or G dx (eqs. 2, 5), else empty. */
    static Optional<Expr> gradientOf(Expr term, Var v, Form form) {
        if (form == Form.VEC) {
            return VecForm.jacobianOf(term, v);
        }
        Product p = Product.of(term);
        if (form == Form.SCALAR_BY_MATRIX) {
            Optional<Traced> traced = Traced.of(term);
            if (traced.isEmpty()) {
                return Optional.empty();
            }
            Traced t = traced.get();
            return endsWithDiff(Product.of(t.inner()), v).map(rest -> Tidy.apply(mul(t.outside(), rest)));
        }
        return endsWithDiff(p, v);
    }

    /** The product without its last factor when that factor is dv and no other holds a d. */
    private static Optional<Expr> endsWithDiff(Product p, Var v) {
        if (p.diffInScalars() >= 0 || p.chain().isEmpty() || !p.chain().getLast().equals(Ex.d(v))) {
            return Optional.empty();
        }
        List<Expr> rest = p.chain().subList(0, p.chain().size() - 1);
        if (rest.stream().anyMatch(Tree::hasDiff)) {
            return Optional.empty();
        }
        Expr chain = rest.isEmpty() ? (v.kind() == dev.mcd.expr.Kind.SCALAR ? Ex.num(1) : new Expr.Identity()) : mul(rest);
        return Optional.of(new Product(p.coefficient(), p.scalars(), Ex.factors(chain)).toExpr());
    }

    private static List<Move> moves(Form form, Square square) {
        List<Move> out = new ArrayList<>();
        if (form == Form.VEC) {
            out.add(new Move("vec-column", VecForm::wrapColumn));
            out.add(new Move("vec-linearity", (term, v) -> VecForm.linearity(term)));
            out.add(new Move("distributivity", (term, v) -> distribute(term)));
            // first: the vec of a vector differential is the differential, before any other move reads it
            out.add(0, new Move("vec-kron", VecForm::vecKron));
            out.add(new Move("scalar-commute", (term, v) -> scalarCommute(term)));
            // (dX ⊗ B) b, before vec-column wraps it: the vec of a product, whose transposed dX
            // vec-kron then refuses with its reason (the commutation matrix)
            out.add(1, new Move("kron-vec", Reshape::kronVec));
            return out;
        }
        out.add(new Move("distributivity", (term, v) -> distribute(term)));
        if (form == Form.SCALAR_BY_MATRIX) {
            // before dot-symmetry and the trace moves turn a'(dX ⊗ B)b or a' vec(dM) around
            out.add(new Move("kron-vec", Reshape::kronVec));
            out.add(new Move("vec-dot", Reshape::vecDot));
        }
        out.add(new Move("dot-symmetry", (term, v) -> dotSymmetry(term, form)));
        out.add(new Move("transpose-product", (term, v) -> pushTransposes(term)));
        out.add(new Move("hadamard-division", (term, v) -> divisionAsProduct(term)));
        if (form == Form.SCALAR_BY_MATRIX) {
            out.add(new Move("scalar-trace", Identifier::introduceTrace));
            out.add(new Move("trace-transpose", Identifier::transposeInsideTrace));
            out.add(new Move("kron-trace", (term, v) -> kronTrace(term, square)));
            out.add(new Move("hadamard-move", (term, v) -> insideTrace(term, p -> hadamardMove(p))));
            out.add(new Move("cyclic-trace", (term, v) -> insideTrace(term, Identifier::rotate)));
            out.add(new Move("diag-trace", (term, v) -> insideTrace(term, VecForm::diagTraceMatrix)));
        } else {
            out.add(new Move("scalar-commute", (term, v) -> scalarCommute(term)));
            out.add(new Move("kron-column", (term, v) -> kronColumn(Product.of(term))));
            out.add(new Move(form == Form.VECTOR_BY_VECTOR ? "hadamard-diag" : "hadamard-move",
                    (term, v) -> form == Form.VECTOR_BY_VECTOR ? hadamardDiag(Product.of(term)) : hadamardMove(Product.of(term))));
            out.add(new Move("diag-trace", (term, v) -> VecForm.diagTraceVector(term)));
            out.add(new Move("diag-swap", (term, v) -> VecForm.diagSwap(Product.of(term))));
            out.add(new Move("kron-vec", Reshape::kronVec));
            out.add(new Move("hadamard-trace", (term, v) -> VecForm.hadamardTrace(term)));
            out.add(new Move("dot-symmetry", (term, v) -> VecForm.dotInChain(Product.of(term))));
            // first: the vec of a vector differential is the differential, before any other move reads it
            out.add(0, new Move("vec-kron", VecForm::vecKron));
        }
        return out;
    }

    // ---- moves -------------------------------------------------------------------------

    /** A(dX + dY)B = A dX B + A dY B and tr(P + Q) = tr(P) + tr(Q), so each term is linear alone. */
    private static Optional<Expr> distribute(Expr term) {
        Expr out = Tree.bottomUp(term, Identifier::distributeNode);
        return out.equals(term) ? Optional.empty() : Optional.of(out);
    }

    private static Expr distributeNode(Expr e) {
        if (e instanceof Call c && c.fn() == Fn.TR && c.arg() instanceof Add a && Tree.hasDiff(a)) {
            return Ex.add(a.terms().stream().map(Ex::tr).toList());
        }
        if (e instanceof Transpose t && t.arg() instanceof Add a && Tree.hasDiff(a)) {
            return Ex.add(a.terms().stream().map(Ex::t).toList());
        }
        if (e instanceof Hadamard h && Tree.hasDiff(h) && (h.left() instanceof Add || h.right() instanceof Add)) {
            if (h.right() instanceof Add a && Tree.hasDiff(a)) {
                return Ex.add(a.terms().stream().map(x -> (Expr) new Hadamard(h.left(), x)).toList());
            }
            if (h.left() instanceof Add a && Tree.hasDiff(a)) {
                return Ex.add(a.terms().stream().map(x -> (Expr) new Hadamard(x, h.right())).toList());
            }
        }
        if (e instanceof Neg n && n.arg() instanceof Add a && Tree.hasDiff(a)) {
            return Ex.add(a.terms().stream().map(Ex::neg).toList());
        }
        if (e instanceof Mul m) {
            for (int i = 0; i < m.factors().size(); i++) {
                if (m.factors().get(i) instanceof Add a && Tree.hasDiff(a)) {
                    List<Expr> terms = new ArrayList<>();
                    for (Expr x : a.terms()) {
                        List<Expr> fs = new ArrayList<>(m.factors());
                        fs.set(i, x);
                        terms.add(mul(fs));
                    }
                    return Ex.add(terms);
                }
            }
        }
        return e;
    }

    /** dX ⊘ C = C^{∘-1} ∘ dX for a constant C, so the Hadamard moves apply to quotients too. */
    private static Optional<Expr> divisionAsProduct(Expr term) {
        Expr out = Tree.bottomUp(term, e -> e instanceof HadamardDiv q && Tree.hasDiff(q.left()) && !Tree.hasDiff(q.right())
                ? new Hadamard(new ElemPow(q.right(), Ex.num(-1)), q.left()) : e);
        return out.equals(term) ? Optional.empty() : Optional.of(out);
    }

    /** (AB)' = B'A' and friends, only on the way down to a differential. */
    private static Optional<Expr> pushTransposes(Expr term) {
        Expr out = Tree.bottomUp(term, e -> e instanceof Transpose t && Tree.hasDiff(t.arg()) ? pushed(t.arg()) : e);
        return out.equals(term) ? Optional.empty() : Optional.of(out);
    }

    /** The transpose of e with the transpose moved inside products, sums and Hadamard products. */
    static Expr pushed(Expr e) {
        if (!Tree.hasDiff(e)) {
            return Tidy.apply(t(e));
        }
        return switch (e) {
            case Mul m -> {
                List<Expr> rev = new ArrayList<>();
                for (int i = m.factors().size() - 1; i >= 0; i--) {
                    rev.add(pushed(m.factors().get(i)));
                }
                yield mul(rev);
            }
            case Add a -> Ex.add(a.terms().stream().map(Identifier::pushed).toList());
            case Neg n -> Ex.neg(pushed(n.arg()));
            case Hadamard h -> new Hadamard(pushed(h.left()), pushed(h.right()));
            case Kron k -> new Kron(pushed(k.left()), pushed(k.right()));
            case Div d -> new Div(pushed(d.num()), d.den());
            case Transpose t -> t.arg();
            case Call c when c.fn() == Fn.TR -> c;
            case Num n -> n;
            default -> Outline.of(e).scalar() && !(e instanceof Diff) ? e : t(e);
        };
    }

    /** x = tr(x) for a scalar term; c tr(Y) = tr(cY) when c is a plain scalar. */
    private static Optional<Expr> introduceTrace(Expr term, Var v) {
        Optional<Traced> traced = Traced.of(term);
        if (traced.isPresent()) {
            Traced t = traced.get();
            return t.outside().equals(Ex.num(1)) ? Optional.empty() : Optional.of(tr(mul(t.outside(), t.inner())));
        }
        return Optional.of(tr(term));
    }

    private static Optional<Expr> insideTrace(Expr term, java.util.function.Function<Product, Optional<Expr>> f) {
        return Traced.of(term).flatMap(t -> f.apply(Product.of(t.inner())).map(inner -> mul(t.outside(), tr(inner))));
    }

    /** tr(A (dX)' B) = tr(B' dX A'): tr(M) = tr(M'). */
    private static Optional<Expr> transposeInsideTrace(Expr term, Var v) {
        return insideTrace(term, p -> p.chain().stream().anyMatch(f -> f instanceof Transpose t && t.arg() instanceof Diff)
                ? Optional.of(pushed(p.toExpr())) : Optional.empty());
    }

    /** tr(A ⊗ dX) = tr(A) tr(dX), for square A and X only (else the trace of A ⊗ B mixes entries). */
    private static Optional<Expr> kronTrace(Expr term, Square square) {
        return insideTrace(term, p -> {
            if (p.chain().size() == 1 && p.chain().getFirst() instanceof Kron k && square.test(k.left()) && square.test(k.right())) {
                return Optional.of(mul(Ex.num(p.coefficient()), mul(p.scalars()), tr(k.left()), tr(k.right())));
            }
            return Optional.empty();
        }).map(out -> unwrapScalarTrace(out));
    }

    /** tr(c tr(A) tr(dX)) is just c tr(A) tr(dX): the trace of a scalar product is itself. */
    private static Expr unwrapScalarTrace(Expr e) {
        return Traced.of(e).filter(t -> Outline.of(t.inner()).scalar()).map(t -> mul(t.outside(), t.inner())).orElse(e);
    }

    /** tr(A Z B) = tr(B A Z): rotate the chain until the factor with the differential is last. */
    private static Optional<Expr> rotate(Product p) {
        int i = p.diffInChain();
        if (i < 0) {
            int s = p.diffInScalars();
            if (s < 0) {
                return Optional.empty();
            }
            // tr(A s) = tr(A) s for a scalar s holding the differential: take s out, trace it alone.
            List<Expr> others = new ArrayList<>(p.scalars());
            Expr group = others.remove(s);
            if (p.chain().isEmpty()) {
                List<Expr> chain = new ArrayList<>(Ex.factors(group));
                return Optional.of(new Product(p.coefficient(), others, chain).toExpr());
            }
            List<Expr> out = new ArrayList<>();
            out.add(Ex.num(p.coefficient()));
            out.add(tr(mul(new ArrayList<Expr>() {{ addAll(others); addAll(p.chain()); }})));
            out.add(group);
            return Optional.of(mul(out));
        }
        if (i == p.chain().size() - 1) {
            return Optional.empty();
        }
        List<Expr> chain = new ArrayList<>(p.chain().subList(i + 1, p.chain().size()));
        chain.addAll(p.chain().subList(0, i + 1));
        return Optional.of(p.withChain(chain).toExpr());
    }

    /** R (h ∘ Z) = (R' ∘ h)' Z for a row R, and tr(M (h ∘ Z)) = tr((M' ∘ h)' Z). */
    private static Optional<Expr> hadamardMove(Product p) {
        int i = p.diffInChain();
        if (i < 0 || i != p.chain().size() - 1 || !(p.chain().get(i) instanceof Hadamard h)) {
            return Optional.empty();
        }
        Expr z;
        Expr other;
        if (Tree.hasDiff(h.right()) && !Tree.hasDiff(h.left())) {
            z = h.right();
            other = h.left();
        } else if (Tree.hasDiff(h.left()) && !Tree.hasDiff(h.right())) {
            z = h.left();
            other = h.right();
        } else {
            return Optional.empty();
        }
        // Scalars stay outside: tr(t (A ∘ dX)) = t tr((I ∘ A)' dX), never (t ∘ A).
        List<Expr> before = p.chain().subList(0, i);
        Expr m = before.isEmpty() ? new Expr.Identity() : mul(before);
        Expr moved = t(new Hadamard(pushed(m), other));
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.add(moved);
        out.add(z);
        return Optional.of(Tidy.apply(mul(out)));
    }

    /** kron(dx, a) = kron(I, a) dx and kron(a, dx) = kron(a, I) dx for columns. */
    private static Optional<Expr> kronColumn(Product p) {
        int i = p.diffInChain();
        if (i < 0 || !(p.chain().get(i) instanceof Kron k)) {
            return Optional.empty();
        }
        boolean diffLeft = Tree.hasDiff(k.left());
        Expr z = diffLeft ? k.left() : k.right();
        Expr other = diffLeft ? k.right() : k.left();
        if (Tree.hasDiff(other) || !Outline.of(other).colsOne() || !Outline.of(z).colsOne()) {
            return Optional.empty();
        }
        Expr factor = diffLeft ? new Kron(new Expr.Identity(), other) : new Kron(other, new Expr.Identity());
        List<Expr> chain = new ArrayList<>(p.chain());
        chain.set(i, mul(factor, z));
        return Optional.of(p.withChain(Ex.factors(mul(chain))).toExpr());
    }

    /** M (h ∘ dx) = M diag(h) dx for vectors. */
    private static Optional<Expr> hadamardDiag(Product p) {
        int i = p.diffInChain();
        if (i < 0 || !(p.chain().get(i) instanceof Hadamard h)) {
            return Optional.empty();
        }
        Expr z = Tree.hasDiff(h.right()) ? h.right() : h.left();
        Expr other = Tree.hasDiff(h.right()) ? h.left() : h.right();
        if (Tree.hasDiff(other) || !Outline.of(other).colsOne()) {
            return Optional.empty();
        }
        List<Expr> chain = new ArrayList<>(p.chain());
        chain.set(i, mul(new Call(Fn.DIAG, other), z));
        return Optional.of(p.withChain(Ex.factors(mul(chain))).toExpr());
    }

    /**
     * x'y = y'x: a scalar holding a transposed differential, such as (dW x)'(Wx + b), is replaced
     * by its transpose, (Wx + b)' dW x. Inside a trace, trace-transpose does this instead.
     */
    private static Optional<Expr> dotSymmetry(Expr term, Form form) {
        boolean transposedDiff = Tree.anyMatch(term, e -> e instanceof Transpose t && Tree.hasDiff(t.arg()));
        if (!transposedDiff) {
            return Optional.empty();
        }
        Product p = Product.of(term);
        int s = p.diffInScalars();
        if (s >= 0 && !(p.scalars().get(s) instanceof Call)) {
            List<Expr> scalars = new ArrayList<>(p.scalars());
            scalars.set(s, pushed(scalars.get(s)));
            return Optional.of(p.withScalars(scalars).toExpr());
        }
        boolean scalarTerm = form == Form.SCALAR_BY_VECTOR || form == Form.SCALAR_BY_MATRIX;
        if (scalarTerm && s < 0 && p.diffInChain() >= 0) {
            return Optional.of(pushed(term));
        }
        return Optional.empty();
    }

    /** A scalar holding the differential moves to the end of the product: b (a'dx) = b a' dx. */
    private static Optional<Expr> scalarCommute(Expr term) {
        Product p = Product.of(term);
        int s = p.diffInScalars();
        int i = p.diffInChain();
        if (s < 0 && i >= 0 && i < p.chain().size() - 1) {
            // x' dx (a'x): the scalar run after the differential commutes to the front.
            List<Expr> after = p.chain().subList(i + 1, p.chain().size());
            if (Outline.of(mul(after)).scalar()) {
                List<Expr> scalars = new ArrayList<>(p.scalars());
                scalars.add(new Mul(after.size() == 1 ? List.of(after.getFirst(), Ex.num(1)) : after));
                return Optional.of(new Product(p.coefficient(), scalars, p.chain().subList(0, i + 1)).toExpr());
            }
        }
        if (s < 0) {
            return Optional.empty();
        }
        List<Expr> scalars = new ArrayList<>(p.scalars());
        Expr group = scalars.remove(s);
        List<Expr> chain = new ArrayList<>(p.chain());
        chain.addAll(Ex.factors(group));
        return Optional.of(new Product(p.coefficient(), scalars, chain).toExpr());
    }
}
