package dev.mcd.site.engine;

import dev.mcd.calculus.Catalogue;
import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Form;
import dev.mcd.calculus.Identity;
import dev.mcd.calculus.Justification;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Decls;
import dev.mcd.expr.Equalities;
import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.Parser;
import dev.mcd.expr.Pos;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.TextPrinter;
import dev.mcd.print.LatexPrinter;
import dev.mcd.print.NumpyModule;
import dev.mcd.verify.EqualityCheck;
import dev.mcd.verify.VerificationException;
import dev.mcd.verify.VerifiedDerive;
import dev.mcd.verify.VerifyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real engine behind the site's directives: {@link VerifiedDerive} for {@code derive},
 * {@link EqualityCheck} for each link of a {@code steps} chain, the {@link Catalogue} for
 * identities, everything printed with {@link LatexPrinter}. Example: {@code x'*x} by {@code x}
 * gives the steps of the tutorial's example 1 and the result {@code 2\mathbf{x}^\top}.
 */
public final class EngineDerivationService implements DerivationService {

    @Override
    public String engineVersion() {
        return EngineFingerprint.ofAnswers();
    }

    @Override
    public RenderedDerivation derive(DeriveRequest r) throws DerivationException {
        VerifiedDerive.Result result;
        try {
            result = VerifiedDerive.run(r.expr(), r.wrt(), r.where(), r.expect());
        } catch (VerifiedDerive.RequestException e) {
            String key = switch (e.part()) {
                case EXPR -> "expr";
                case WRT -> "wrt";
                case WHERE -> "where";
                case EXPECT -> "expect";
            };
            // A wrong claim names both formulas in the language the author wrote, the numbers after them.
            String reason = e.derived().map(derived -> "you wrote " + r.expect().strip() + "; the engine derived "
                    + TextPrinter.print(derived) + "; " + e.error().reason()).orElse(e.error().reason());
            throw new DerivationException(key, 0, e.error().pos(), reason);
        }
        Derivation d = result.derivation();
        DisplayNames names = DisplayNames.parse(r.names(), result.decls()).with(d, r.autoNames());
        List<ShownStep> steps = new ArrayList<>();
        // Eqs. 1-3 read off a scalar function: every step is its scalar differential, and by a
        // scalar variable (eq. 1) the derivative is a scalar too.
        boolean scalarF = d.form() == Form.SCALAR_BY_SCALAR || d.form() == Form.SCALAR_BY_VECTOR
                || d.form() == Form.SCALAR_BY_MATRIX;
        for (Step s : d.steps()) {
            steps.add(new ShownStep(names.tex(s.rhs(), scalarF), justification(s), s.equations(), s.facts()));
        }
        String fTex = names.tex(d.function()) + names.whereTex();
        String vTex = LatexPrinter.print(d.wrt());
        String derivative = "\\frac{\\partial " + (d.function() instanceof Expr.Var ? fTex : "f") + "}{\\partial " + vTex + "}";
        var layouts = new Layouts(names.tex(d.result()),
                names.tex(dev.mcd.calculus.Layouts.denominator(d)), names.tex(dev.mcd.calculus.Layouts.mixed(d)));
        return new RenderedDerivation(fTex, vTex, names.tex(d.start()), steps, d.form().equation(),
                derivative, names.tex(d.result(), d.form() == Form.SCALAR_BY_SCALAR), result.report().claim(), layouts,
                TextPrinter.print(d.result()), numpy(result));
    }

    /** The NumPy module for "Copy NumPy", or "" when the result has none (e.g. it names dl/dy). */
    private static String numpy(VerifiedDerive.Result r) {
        try {
            return NumpyModule.of(r.derivation(), r.shapes().variables());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The words shown beside a step: the cited identity names; numbers become links. */
    static String justification(Step s) {
        return Justification.of(s, Justification.Style.NAMED);
    }

    @Override
    public CheckedChain checkChain(ChainRequest r) throws DerivationException {
        Decls decls;
        try {
            decls = Decls.parse(r.where());
        } catch (ExprException e) {
            throw new DerivationException("where", 0, e.pos(), e.reason());
        }
        Predicate<String> varies = fixedNames(r.fixed());
        List<String> tex = new ArrayList<>();
        Expr previous = null;
        Expr origin = null; // the first expression of the current chain: it alone decides the sizes
        List<VerifyReport> reports = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            String line = r.lines().get(i);
            List<Equalities.Side> parts = Equalities.split(line);
            List<Expr> exprs = new ArrayList<>();
            StringBuilder lineTex = new StringBuilder();
            for (int k = 0; k < parts.size(); k++) {
                Equalities.Side p = parts.get(k);
                if (p.text().isBlank()) {
                    if (k == 0 && parts.size() > 1) {
                        if (previous == null) {
                            throw new DerivationException("line", i, new Pos(1, 1), "a line starting with '=' needs a previous line to continue");
                        }
                        exprs.add(previous);
                        continue;
                    }
                    throw new DerivationException("line", i, new Pos(1, p.offset() + 1), "expected an expression");
                }
                Expr e = parse(p, decls, i);
                if (k == 0) {
                    origin = e;
                }
                exprs.add(e);
                if (k > 0) {
                    lineTex.append(" = ");
                }
                lineTex.append(LatexPrinter.breakable(e));
            }
            for (int k = 1; k < exprs.size(); k++) {
                List<Expr> premise = new ArrayList<>(List.of(origin));
                premise.addAll(decls.premises());
                reports.add(check(premise, exprs.get(k - 1), exprs.get(k), varies, i, parts.get(k).offset()));
            }
            previous = exprs.getLast();
            tex.add(lineTex.toString());
        }
        return new CheckedChain(tex, summary(reports));
    }

    /**
     * In a chain every name varies unless listed in {@code fixed} ("W_2, x"): an intermediate step
     * of a derivation by one variable holds the others constant, so their differentials are 0.
     */
    private static Predicate<String> fixedNames(String fixed) throws DerivationException {
        var names = new java.util.HashSet<String>();
        int at = 0;
        for (String raw : fixed.split(",", -1)) {
            String name = raw.strip();
            if (!fixed.isBlank() && !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new DerivationException("fixed", 0, new Pos(1, at + 1), "expected a name in 'fixed', e.g. 'W_2, x'");
            }
            names.add(name);
            at += raw.length() + 1;
        }
        return n -> !names.contains(n);
    }

    private static Expr parse(Equalities.Side p, Decls decls, int line) throws DerivationException {
        try {
            Parser.Parsed parsed = Parser.parse(p.text(), decls);
            ShapeChecker.check(parsed.expr(), parsed.positions());
            return parsed.expr();
        } catch (ExprException e) {
            throw new DerivationException("line", line, new Pos(e.pos().line(), e.pos().column() + p.offset()), e.reason());
        }
    }

    private static VerifyReport check(List<Expr> premise, Expr lhs, Expr rhs, Predicate<String> varies, int line, int offset)
            throws DerivationException {
        try {
            return EqualityCheck.check(premise, lhs, rhs, varies);
        } catch (VerificationException | ExprException e) {
            throw new DerivationException("line", line, new Pos(1, offset + 1), "this equality does not hold: " + e.getMessage());
        }
    }

    private static String summary(List<VerifyReport> reports) {
        if (reports.isEmpty()) {
            return "nothing to check";
        }
        return "each of the " + reports.size() + " equalities checked at " + reports.getFirst().points()
                + " random points; they agree to " + VerifyReport.Check.EQUALITY.bound();
    }

    @Override
    public List<IdentityView> identities() {
        List<IdentityView> out = new ArrayList<>();
        for (Identity id : Catalogue.ALL) {
            out.add(view(id));
        }
        return out;
    }

    private static IdentityView view(Identity id) {
        if (id.statement().isEmpty()) {
            return new IdentityView(id.id(), id.number(), id.group(), id.name(), id.tex(),
                    id.group().equals("total") ? "a definition (the total differential), stated rather than checked"
                            : "a definition (it defines J), stated rather than checked; every derivation read off with it is checked", false);
        }
        Decls decls = Decls.parse(id.where());
        List<Expr> sides = new ArrayList<>();
        for (String side : id.sides()) {
            sides.add(Parser.parse(side.strip(), decls).expr());
        }
        List<String> tex = new ArrayList<>();
        int points = 0;
        for (int k = 0; k < sides.size(); k++) {
            tex.add(LatexPrinter.print(sides.get(k)));
            if (k > 0) {
                points = EqualityCheck.check(sides.get(k - 1), sides.get(k)).points();
            }
        }
        return new IdentityView(id.id(), id.number(), id.group(), id.name(), String.join(" = ", tex),
                "checked at " + points + " random points; both sides agree to " + VerifyReport.Check.EQUALITY.bound(),
                true);
    }
}
