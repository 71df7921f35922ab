package dev.mcd.print;

import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny prefix notation for building test expressions until the language's parser lands, e.g.
 * {@code (' (+ (* W x) b))} for {@code (W*x + b)'}.
 *
 * <p>Atoms: numbers; {@code I}, {@code zero}, {@code ones}, optionally sized for NumPy tests as
 * {@code I@n}, {@code zero@n@1}, {@code ones@n}; names with DESIGN's default kind or an explicit
 * one ({@code t:s}, {@code x:v}, {@code A:m}). Lists: {@code + * - / .* ./ kron ^ .^ inv ' d},
 * any built-in by its source name ({@code tr}, {@code log}, ...), {@code (prime tanh X)},
 * {@code (apply l:s y)} (abstract function), {@code (ew sigma:m 1 X)} (element-wise, primes),
 * {@code (grad (apply l:s y))}.
 */
final class Sx {
    /** Sizes given to I, zero and ones, by node identity. */
    final Map<Expr, Shape> sized = new IdentityHashMap<>();
    private final List<String> tokens = new ArrayList<>();
    private int next;

    private Sx(String source) {
        var m = java.util.regex.Pattern.compile("\\(|\\)|[^\\s()]+").matcher(source);
        while (m.find()) {
            tokens.add(m.group());
        }
    }

    static Expr parse(String source) {
        return read(source).expr;
    }

    static Parsed read(String source) {
        Sx sx = new Sx(source);
        Expr e = sx.expr();
        if (sx.next != sx.tokens.size()) {
            throw new IllegalArgumentException("trailing input in " + source);
        }
        return new Parsed(e, sx.sized);
    }

    record Parsed(Expr expr, Map<Expr, Shape> sized) {}

    private Expr expr() {
        String t = tokens.get(next++);
        if (!t.equals("(")) {
            return atom(t);
        }
        String op = tokens.get(next++);
        Expr result = switch (op) {
            case "prime" -> new Expr.Prime(Fn.bySource(tokens.get(next++)).orElseThrow(), expr());
            case "apply" -> {
                String[] nk = tokens.get(next++).split(":");
                yield new Expr.Apply(nk[0], expr(), kind(nk), false, 0);
            }
            case "ew" -> {
                String[] nk = tokens.get(next++).split(":");
                int primes = Integer.parseInt(tokens.get(next++));
                yield new Expr.Apply(nk[0], expr(), kind(nk), true, primes);
            }
            default -> list(op, args());
        };
        if (!tokens.get(next++).equals(")")) {
            throw new IllegalArgumentException("expected ) after " + op);
        }
        return result;
    }

    private List<Expr> args() {
        List<Expr> args = new ArrayList<>();
        while (!tokens.get(next).equals(")")) {
            args.add(expr());
        }
        return args;
    }

    private static Expr list(String op, List<Expr> a) {
        return switch (op) {
            case "+" -> new Expr.Add(a);
            case "*" -> new Expr.Mul(a);
            case "-" -> new Expr.Neg(a.getFirst());
            case "/" -> new Expr.Div(a.get(0), a.get(1));
            case ".*" -> new Expr.Hadamard(a.get(0), a.get(1));
            case "./" -> new Expr.HadamardDiv(a.get(0), a.get(1));
            case "kron" -> new Expr.Kron(a.get(0), a.get(1));
            case "^" -> new Expr.Pow(a.get(0), a.get(1));
            case ".^" -> new Expr.ElemPow(a.get(0), a.get(1));
            case "inv" -> new Expr.Inv(a.getFirst());
            case "'" -> new Expr.Transpose(a.getFirst());
            case "d" -> new Expr.Diff(a.getFirst());
            case "grad" -> new Expr.Grad((Expr.Apply) a.getFirst());
            default -> new Expr.Call(Fn.bySource(op).orElseThrow(() -> new IllegalArgumentException("unknown " + op)),
                    a.getFirst());
        };
    }

    private Expr atom(String t) {
        if (Character.isDigit(t.charAt(0)) || (t.length() > 1 && t.charAt(0) == '-' && Character.isDigit(t.charAt(1)))) {
            return new Expr.Num(Double.parseDouble(t));
        }
        String[] parts = t.split("@");
        Expr e = switch (parts[0]) {
            case "I" -> new Expr.Identity();
            case "zero" -> new Expr.Zero();
            case "ones" -> new Expr.Ones();
            default -> {
                String[] nk = t.split(":");
                yield new Expr.Var(nk[0], kind(nk));
            }
        };
        if (parts.length > 1) {
            Dim rows = dim(parts[1]);
            Dim cols = parts.length > 2 ? dim(parts[2]) : e instanceof Expr.Identity ? rows : Dim.ONE;
            sized.put(e, new Shape(rows, cols));
        }
        return e;
    }

    private static Dim dim(String s) {
        return Character.isDigit(s.charAt(0)) ? new Dim.Fixed(Integer.parseInt(s)) : new Dim.Sym(s);
    }

    private static Kind kind(String[] nameKind) {
        if (nameKind.length == 1) {
            return Kind.defaultFor(nameKind[0]);
        }
        return switch (nameKind[1]) {
            case "s" -> Kind.SCALAR;
            case "v" -> Kind.VECTOR;
            case "m" -> Kind.MATRIX;
            default -> throw new IllegalArgumentException("kind s, v or m: " + nameKind[1]);
        };
    }
}
