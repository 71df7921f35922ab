package dev.mcd.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kinds of names from a {@code where:} line, e.g. {@code A: matrix, x: vector, t: scalar};
 * undeclared names get the default of README's language section (upper-case initial a matrix, lower-case a vector). A declared
 * name used as a function ({@code l(y)}) gives the kind of that abstract function's value.
 */
public final class Decls {
    private static final Decls EMPTY = new Decls(new TreeMap<>(), new java.util.TreeSet<>());

    /** An abstract function from a declaration such as {@code l: scalar function}: its value's kind, or element-wise. */
    public record FunctionDecl(Kind kind, boolean elementwise) {}

    private final Map<String, Kind> kinds;
    private final java.util.SortedSet<String> squares;
    private final Map<String, FunctionDecl> functions;

    private Decls(TreeMap<String, Kind> kinds, java.util.TreeSet<String> squares) {
        this(kinds, squares, new TreeMap<>());
    }

    private Decls(TreeMap<String, Kind> kinds, java.util.TreeSet<String> squares, TreeMap<String, FunctionDecl> functions) {
        this(kinds, squares, functions, new java.util.TreeSet<>(), new java.util.TreeSet<>());
    }

    private Decls(TreeMap<String, Kind> kinds, java.util.TreeSet<String> squares, TreeMap<String, FunctionDecl> functions,
                  java.util.TreeSet<String> symmetric, java.util.TreeSet<String> definite) {
        this.kinds = Collections.unmodifiableMap(kinds);
        this.squares = Sorted.set(squares);
        this.functions = Collections.unmodifiableMap(functions);
        this.symmetric = Sorted.set(symmetric);
        this.definite = Sorted.set(definite);
    }

    /** The names declared {@code symmetric} or {@code spd} (symmetric positive definite). */
    private final java.util.SortedSet<String> symmetric;
    private final java.util.SortedSet<String> definite;

    public static Decls empty() {
        return EMPTY;
    }

    /** Declarations from a map, e.g. built by the engine; names are spelled as in the language. */
    public static Decls of(Map<String, Kind> kinds) {
        TreeMap<String, Kind> copy = new TreeMap<>();
        kinds.forEach((name, kind) -> copy.put(Names.normalize(name), kind));
        return new Decls(copy, new java.util.TreeSet<>());
    }

    /**
     * Parses entries {@code name: kind} separated by commas or line breaks; kinds are
     * {@code scalar}, {@code vector}, {@code matrix} and {@code square matrix} (a premise: rules
     * such as tr(A ⊗ B) = tr(A) tr(B) then apply, and the checks draw A square). Blank entries are ignored.
     *
     * @throws ExprException at the offending entry: a missing ':', an unknown kind, a name that is
     *     not a name, a reserved name ({@code I}, {@code tr}, ...), or a name declared twice
     */
    public static Decls parse(String where) {
        TreeMap<String, Kind> kinds = new TreeMap<>();
        java.util.TreeSet<String> squares = new java.util.TreeSet<>();
        java.util.TreeSet<String> symmetric = new java.util.TreeSet<>();
        java.util.TreeSet<String> definite = new java.util.TreeSet<>();
        TreeMap<String, FunctionDecl> functions = new TreeMap<>();
        int start = 0;
        for (int k = 0; k <= where.length(); k++) {
            if (k == where.length() || where.charAt(k) == ',' || where.charAt(k) == '\n') {
                entry(where, start, k, kinds, squares, functions, symmetric, definite);
                start = k + 1;
            }
        }
        return new Decls(kinds, squares, functions, symmetric, definite);
    }

    private static void entry(String where, int from, int to, TreeMap<String, Kind> kinds, java.util.TreeSet<String> squares,
                              TreeMap<String, FunctionDecl> functions, java.util.TreeSet<String> symmetric,
                              java.util.TreeSet<String> definite) {
        int nameStart = skipSpace(where, from, to);
        if (nameStart == to) {
            return;
        }
        int colon = where.indexOf(':', nameStart);
        if (colon < 0 || colon >= to) {
            throw new ExprException("expected 'name: kind' (kind is scalar, vector or matrix)",
                Lexer.posAt(where, nameStart), where);
        }
        String raw = Chars.strip(where.substring(nameStart, colon));
        if (!Names.isIdentifier(raw)) {
            throw new ExprException("'" + raw + "' is not a name", Lexer.posAt(where, nameStart), where);
        }
        String name = Names.normalize(raw);
        if (Names.RESERVED.contains(name) || Names.isFunction(name)) {
            throw new ExprException("'" + raw + "' is built into the language and cannot be declared",
                Lexer.posAt(where, nameStart), where);
        }
        int kindStart = skipSpace(where, colon + 1, to);
        String kindText = Chars.strip(where.substring(kindStart, to));
        FunctionDecl function = switch (kindText) {
            case "scalar function" -> new FunctionDecl(Kind.SCALAR, false);
            case "vector function" -> new FunctionDecl(Kind.VECTOR, false);
            case "matrix function" -> new FunctionDecl(Kind.MATRIX, false);
            case "elementwise function", "element-wise function" -> new FunctionDecl(Kind.MATRIX, true);
            default -> null;
        };
        if (function != null) {
            if (kinds.containsKey(name) || functions.putIfAbsent(name, function) != null) {
                throw new ExprException("'" + raw + "' is declared twice", Lexer.posAt(where, nameStart), where);
            }
            return;
        }
        Kind kind = switch (kindText) {
            case "scalar" -> Kind.SCALAR;
            case "vector" -> Kind.VECTOR;
            case "matrix", "square matrix", "symmetric", "symmetric matrix", "spd" -> Kind.MATRIX;
            default -> throw new ExprException("unknown kind '" + kindText + "': expected scalar, vector, matrix, square matrix, symmetric, spd, "
                    + "or for an abstract function scalar function, vector function, matrix function or elementwise function",
                Lexer.posAt(where, kindStart), where);
        };
        if (functions.containsKey(name) || kinds.putIfAbsent(name, kind) != null) {
            throw new ExprException("'" + raw + "' is declared twice", Lexer.posAt(where, nameStart), where);
        }
        if (kindText.equals("square matrix")) {
            squares.add(name);
        }
        if (kindText.startsWith("symmetric") || kindText.equals("spd")) {
            symmetric.add(name);
        }
        if (kindText.equals("spd")) {
            definite.add(name);
        }
    }

    private static int skipSpace(String s, int from, int to) {
        int k = from;
        while (k < to && Chars.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The declared kind, else upper-case initial → matrix, lower-case → vector ({@code sigma} too). */
    public Kind kindOf(String name) {
        String normalized = Names.normalize(name);
        Kind declared = kinds.get(normalized);
        return declared != null ? declared : Kind.defaultFor(normalized);
    }

    public Optional<Kind> declared(String name) {
        return Optional.ofNullable(kinds.get(Names.normalize(name)));
    }

    public boolean isDeclared(String name) {
        return kinds.containsKey(Names.normalize(name));
    }

    /** The abstract function declared under this name, e.g. l for {@code l: scalar function}. */
    public Optional<FunctionDecl> function(String name) {
        return Optional.ofNullable(functions.get(Names.normalize(name)));
    }

    /** Every declared abstract function, by name. */
    public Map<String, FunctionDecl> functions() {
        return functions;
    }

    /**
     * What the declarations assume beyond the expression's own shapes, as expressions that must be
     * defined: tr(A) for each square A. The checks size the variables with these, the engine's
     * square-only rules see them.
     */
    public java.util.List<Expr> premises() {
        java.util.List<Expr> out = new java.util.ArrayList<>(
                squares.stream().<Expr>map(n -> new Expr.Call(Fn.TR, new Expr.Var(n, Kind.MATRIX))).toList());
        for (String n : symmetric) {
            // tr(S - S'): S square, and (read by calculus.Symmetric) symmetric; only a declaration makes it
            Expr s = new Expr.Var(n, Kind.MATRIX);
            out.add(new Expr.Call(Fn.TR, new Expr.Add(java.util.List.of(s, new Expr.Neg(new Expr.Transpose(s))))));
        }
        for (String n : definite) {
            // log det S: the checks then draw S positive definite
            out.add(new Expr.Call(Fn.LOG, new Expr.Call(Fn.DET, new Expr.Var(n, Kind.MATRIX))));
        }
        return java.util.List.copyOf(out);
    }

    /** All declarations, sorted by name. */
    public Map<String, Kind> asMap() {
        return kinds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decls other && kinds.equals(other.kinds) && squares.equals(other.squares)
                && functions.equals(other.functions) && symmetric.equals(other.symmetric) && definite.equals(other.definite);
    }

    @Override
    public int hashCode() {
        return (kinds.hashCode() * 31 + squares.hashCode()) * 31 + functions.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        kinds.forEach((name, kind) -> out.append(out.isEmpty() ? "" : ", ")
            .append(name).append(": ").append(definite.contains(name) ? "spd" : symmetric.contains(name) ? "symmetric"
                : (squares.contains(name) ? "square " : "") + kind.name().toLowerCase(java.util.Locale.ROOT)));
        functions.forEach((name, f) -> out.append(out.isEmpty() ? "" : ", ").append(name).append(": ")
            .append(f.elementwise() ? "elementwise" : f.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" function"));
        return out.toString();
    }
}
