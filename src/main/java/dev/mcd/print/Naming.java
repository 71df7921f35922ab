package dev.mcd.print;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.calculus.Rewrite;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import dev.mcd.expr.TextPrinter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names for subexpressions of a derivation, introduced once above the steps as a textbook does
 * ("where u = W_1*x, h = tanh(u)") and used in every step and the result. The author's names
 * come first; then, unless switched off, a subexpression of f gets a name when it recurs within
 * one line or stands in a line wider than {@link #WIDTH_BUDGET} characters. Display only: the
 * engine and the checks see the full expressions.
 */
public final class Naming {
    /** Characters of a step (in the expression language) beyond which long subexpressions are named. */
    public static final int WIDTH_BUDGET = 72;
    /** At most this many names are chosen automatically, so the "where" line stays short. */
    static final int MAX_AUTO = 4;
    /** Shorter subexpressions (W*x) read better written out than named. */
    static final int MIN_LENGTH = 5;
    private static final int MIN_LENGTH_FOR_WIDTH = 10;

    private static final Map<Kind, List<String>> POOL = Map.of(
            Kind.VECTOR, List.of("u", "v", "z", "p", "q", "r", "g", "h"),
            Kind.MATRIX, List.of("U", "H", "V", "Z", "P", "Q", "R", "G"),
            Kind.SCALAR, List.of("s", "c", "k", "m", "n", "r"));

    /** One name: the variable shown and what it stands for, written with the names before it. */
    public record Name(Expr.Var var, Expr definition, Expr full) {}

    /** The chosen names in the order a reader meets them (inner ones first). */
    public record Names(List<Name> list) {
        public static final Names NONE = new Names(List.of());

        public Names {
            list = List.copyOf(list);
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        /** e with every named subexpression shown by its name (outermost first). */
        public Expr apply(Expr e) {
            if (list.isEmpty()) {
                return e;
            }
            Map<Expr, Expr.Var> map = new LinkedHashMap<>();
            for (Name n : list) {
                map.put(n.full(), n.var());
            }
            return Rewrite.replace(e, map);
        }

        /** "where u = W_1*x, h = tanh(u)" in the expression language, or "" without names. */
        public String whereText() {
            if (list.isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (Name n : list) {
                parts.add(n.var().name() + " = " + TextPrinter.print(n.definition()));
            }
            return "where " + String.join(", ", parts);
        }
    }

    private Naming() {}

    /**
     * The names for a derivation: {@code author} (full expression → name, in the author's order)
     * and, when {@code auto}, the recurring or over-wide subexpressions of the function.
     */
    public static Names choose(Derivation d, Map<Expr, Expr.Var> author, boolean auto) {
        Map<Expr, Expr.Var> chosen = new LinkedHashMap<>(author);
        if (auto) {
            Set<String> taken = new HashSet<>();
            collectNames(d.function(), taken);
            taken.add(d.wrt().name());
            author.values().forEach(v -> taken.add(v.name()));
            List<Expr> lines = new ArrayList<>();
            for (Step s : d.steps()) {
                lines.add(s.rhs());
            }
            lines.add(d.result());
            List<Expr> candidates = new ArrayList<>(candidates(d.function()));
            candidates.sort(Comparator.comparingInt((Expr e) -> TextPrinter.print(e).length()).reversed());
            // which subexpressions: the longest first, each counted where the longer names are already shown
            List<Expr> picked = new ArrayList<>();
            Map<Expr, Expr.Var> trial = new LinkedHashMap<>(author);
            for (Expr c : candidates) {
                if (picked.size() < MAX_AUTO && !trial.containsKey(c) && worthNaming(c, lines, trial)) {
                    picked.add(c);
                    trial.put(c, new Expr.Var("_", Deriver.kindOf(c)));
                }
            }
            // a name whose definition is a function of one other name (s = det(U), c = s/2) only adds a line
            picked.removeIf(c -> {
                Map<Expr, Expr.Var> others = new LinkedHashMap<>(trial);
                others.remove(c);
                return trivial(Rewrite.replace(c, others)) && !activation(c, Deriver.kindOf(c));
            });
            // which letters: inner first, as a reader meets them (u = W_1*x, h = tanh(u))
            picked.sort(Comparator.comparingInt(Naming::size));
            for (Expr c : picked) {
                String name = freshName(c, Deriver.kindOf(c), taken);
                if (name != null) {
                    taken.add(name);
                    chosen.put(c, new Expr.Var(name, Deriver.kindOf(c)));
                }
            }
        }
        List<Name> out = new ArrayList<>();
        for (Map.Entry<Expr, Expr.Var> e : chosen.entrySet()) {
            Map<Expr, Expr.Var> others = new LinkedHashMap<>(chosen);
            others.remove(e.getKey());
            Expr definition = dev.mcd.calculus.Rewrite.replace(e.getKey(), others);
            out.add(new Name(e.getValue(), definition, e.getKey()));
        }
        // a name used in another's definition comes first: inner before outer
        out.sort(Comparator.comparingInt((Name n) -> size(n.full())));
        return new Names(out);
    }

    private static boolean worthNaming(Expr c, List<Expr> lines, Map<Expr, Expr.Var> chosen) {
        int length = TextPrinter.print(c).length();
        for (Expr line : lines) {
            Expr shown = chosen.isEmpty() ? line : Rewrite.replace(line, chosen);
            int count = count(shown, c);
            if (count >= 2 || (count >= 1 && length >= MIN_LENGTH_FOR_WIDTH && TextPrinter.print(shown).length() > WIDTH_BUDGET)) {
                return true;
            }
        }
        return false;
    }

    /** Subexpressions of f worth a name: compound, free of differentials, not f itself. */
    private static Set<Expr> candidates(Expr f) {
        Set<Expr> out = new LinkedHashSet<>();
        for (Expr c : f.children()) {
            collectCandidates(c, out);
        }
        return out;
    }

    private static void collectCandidates(Expr e, Set<Expr> out) {
        boolean compound = switch (e) {
            case Expr.Mul m -> true;
            case Expr.Add a -> true;
            case Expr.Call c -> true;
            case Expr.Apply a -> true;
            case Expr.Hadamard h -> true;
            case Expr.HadamardDiv h -> true;
            case Expr.Kron k -> true;
            case Expr.Inv i -> true;
            case Expr.Div dv -> true;
            default -> false;
        };
        // a function of one variable (det(X), inv(Σ), exp(x)) is as short as a name: never renamed
        if (compound && !trivial(e) && !hasDiff(e) && TextPrinter.print(e).length() >= MIN_LENGTH) {
            out.add(e);
        }
        for (Expr c : e.children()) {
            collectCandidates(c, out);
        }
    }

    /** A layer's activation, tanh(u) or σ(u) of a vector: named h even when short. */
    private static boolean activation(Expr e, Kind kind) {
        return kind == Kind.VECTOR && (e instanceof Expr.Call c && c.fn().elementwise() || e instanceof Expr.Apply a && a.elementwise());
    }

    /** f(leaf), or leaf / number: as short as a name. */
    private static boolean trivial(Expr e) {
        List<Expr> cs = e.children();
        if (cs.size() == 1) {
            return cs.getFirst().children().isEmpty();
        }
        return e instanceof Expr.Div dv && dv.num().children().isEmpty() && dv.den() instanceof Expr.Num;
    }

    private static boolean hasDiff(Expr e) {
        return e instanceof Expr.Diff || e.children().stream().anyMatch(Naming::hasDiff);
    }

    private static int count(Expr e, Expr target) {
        if (e.equals(target)) {
            return 1;
        }
        int n = 0;
        for (Expr c : e.children()) {
            n += count(c, target);
        }
        return n;
    }

    private static int size(Expr e) {
        int n = 1;
        for (Expr c : e.children()) {
            n += size(c);
        }
        return n;
    }

    private static void collectNames(Expr e, Set<String> taken) {
        if (e instanceof Expr.Var v) {
            taken.add(v.name());
        }
        if (e instanceof Expr.Apply a) {
            taken.add(a.name());
        }
        for (Expr c : e.children()) {
            collectNames(c, taken);
        }
    }

    /** An activation (tanh, sigmoid, an element-wise σ of a vector) is h, as in the tutorials; else the kind's pool. */
    private static String freshName(Expr e, Kind kind, Set<String> taken) {
        if (activation(e, kind) && !taken.contains("h")) {
            return "h";
        }
        for (String n : POOL.get(kind)) {
            if (!taken.contains(n)) {
                return n;
            }
        }
        return null;
    }
}
