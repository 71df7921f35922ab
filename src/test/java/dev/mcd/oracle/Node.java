package dev.mcd.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of a generated expression with its concrete shape, written twice: in mcd's language
 * ({@link #mcd()}) and as the oracle's own NumPy code ({@link #numpy()}), e.g. {@code (A)'*(x)}
 * and {@code (V['A'].T @ V['x'])}. Nothing here uses mcd: the NumPy text is the oracle's
 * definition of what the expression means. Scalars are 0-d arrays in NumPy, vectors (n, 1).
 *
 * <p>A node also knows what its values are guaranteed to be ({@link #sign()}, {@link #definite()}),
 * so that a rewritten tree (see {@link Shrinker}) can be checked to stay inside every function's
 * domain: log and sqrt of positive entries, inv of a positive definite matrix, and so on.
 */
record Node(Op op, List<Node> kids, int rows, int cols, String text, double number) {
    enum Op {
        VAR, NUM, IDENT, ONES, ZERO,
        ADD, SUB, NEG, MUL, DIV, HAD, HDIV, POW, EPOW, TRANSPOSE, INV, KRON,
        TR, DET, ADJ, LOG, EXP, SIN, COS, TANH, SQRT, ABS, SIGMOID, LOG1P, SOFTPLUS, SUM, NORM2, NORMF, DIAG, VEC, UNVEC
    }

    /** Entries positive, non-negative, or anything. */
    enum Sign { POS, NONNEG, ANY }

    /** Positive definite (symmetric), semidefinite, or neither. */
    enum Def { SPD, PSD, NONE }

    Node {
        kids = List.copyOf(kids);
        Objects.requireNonNull(op);
    }

    static Node var(String name, int rows, int cols) {
        return new Node(Op.VAR, List.of(), rows, cols, name, 0);
    }

    static Node num(double v) {
        return new Node(Op.NUM, List.of(), 1, 1, null, v);
    }

    static Node ident(int n) {
        return new Node(Op.IDENT, List.of(), n, n, null, 0);
    }

    static Node ones(int n) {
        return new Node(Op.ONES, List.of(), n, 1, null, 0);
    }

    static Node zero(int r, int c) {
        return new Node(Op.ZERO, List.of(), r, c, null, 0);
    }

    static Node of(Op op, int rows, int cols, Node... kids) {
        return new Node(op, List.of(kids), rows, cols, null, 0);
    }

    /** A power whose exponent is the literal {@code k} (matrix power when the base is not 1×1). */
    static Node pow(Node base, double k) {
        return of(Op.POW, base.rows, base.cols, base, num(k));
    }

    static Node epow(Node base, Node exponent) {
        return of(Op.EPOW, base.rows, base.cols, base, exponent);
    }

    static Node t(Node a) {
        return of(Op.TRANSPOSE, a.cols, a.rows, a);
    }

    /** The product of a chain as mcd's shape checker reads it: a 1×1 running product scales the next factor. */
    static Node mul(Node... factors) {
        int r = factors[0].rows;
        int c = factors[0].cols;
        for (int i = 1; i < factors.length; i++) {
            Node f = factors[i];
            if (r == 1 && c == 1) {
                r = f.rows;
                c = f.cols;
            } else if (!f.scalar()) {
                if (c != f.rows) {
                    throw new IllegalArgumentException("ill-shaped product " + c + " vs " + f.rows);
                }
                c = f.cols;
            }
        }
        return new Node(Op.MUL, List.of(factors), r, c, null, 0);
    }

    boolean scalar() {
        return rows == 1 && cols == 1;
    }

    boolean square() {
        return rows == cols;
    }

    /** The same node spelled differently in mcd's language ({@code X^-1} for inv(X)); the meaning is unchanged. */
    Node spelled(String spelling) {
        return new Node(op, kids, rows, cols, spelling, number);
    }

    Node with(List<Node> newKids) {
        return new Node(op, newKids, rows, cols, text, number);
    }

    int size() {
        int n = 1;
        for (Node k : kids) {
            n += k.size();
        }
        return n;
    }

    /** The same tree with variables renamed; names not in the map stay. */
    Node renamed(java.util.Map<String, String> names) {
        if (op == Op.VAR) {
            return new Node(op, kids, rows, cols, names.getOrDefault(text, text), number);
        }
        if (kids.isEmpty()) {
            return this;
        }
        return with(kids.stream().map(k -> k.renamed(names)).toList());
    }

    /** Variable names in order of first appearance (left to right). */
    void order(java.util.List<String> into) {
        if (op == Op.VAR && !into.contains(text)) {
            into.add(text);
        }
        kids.forEach(k -> k.order(into));
    }

    boolean uses(String name) {
        if (op == Op.VAR && text.equals(name)) {
            return true;
        }
        for (Node k : kids) {
            if (k.uses(name)) {
                return true;
            }
        }
        return false;
    }

    void variables(java.util.Map<String, Node> into) {
        if (op == Op.VAR) {
            into.putIfAbsent(text, this);
        }
        kids.forEach(k -> k.variables(into));
    }

    // ---------------------------------------------------------------- domains

    boolean isIntegerLiteral() {
        return op == Op.NUM && number == Math.rint(number);
    }

    Sign sign() {
        return switch (op) {
            case VAR -> Sign.ANY;
            case NUM -> number > 0 ? Sign.POS : number == 0 ? Sign.NONNEG : Sign.ANY;
            case IDENT, ZERO -> Sign.NONNEG;
            case ONES, EXP, SIGMOID, SOFTPLUS -> Sign.POS;
            case LOG1P -> kids.get(0).sign() == Sign.POS ? Sign.POS : Sign.ANY;
            case ABS -> Sign.NONNEG;
            case SQRT -> kids.get(0).sign() == Sign.POS ? Sign.POS : Sign.NONNEG;
            case ADD -> {
                Sign a = kids.get(0).sign();
                Sign b = kids.get(1).sign();
                if (a == Sign.ANY || b == Sign.ANY) {
                    yield Sign.ANY;
                }
                yield a == Sign.POS || b == Sign.POS ? Sign.POS : Sign.NONNEG;
            }
            case HAD -> {
                if (kids.get(0).equals(kids.get(1))) {
                    yield kids.get(0).sign() == Sign.POS ? Sign.POS : Sign.NONNEG;
                }
                yield both(kids.get(0).sign(), kids.get(1).sign());
            }
            case HDIV, DIV, KRON -> both(kids.get(0).sign(), kids.get(1).sign());
            case MUL -> mulSign();
            case POW, EPOW -> {
                Node base = kids.get(0);
                Node e = kids.get(1);
                if (op == Op.POW && !base.scalar()) {
                    yield Sign.ANY; // a matrix power
                }
                if (base.sign() == Sign.POS) {
                    yield Sign.POS;
                }
                if (e.isIntegerLiteral() && ((long) e.number) % 2 == 0) {
                    yield Sign.NONNEG;
                }
                yield base.sign() == Sign.NONNEG && e.op == Op.NUM && e.number > 0 ? Sign.NONNEG : Sign.ANY;
            }
            case TRANSPOSE -> kids.get(0).sign();
            case INV -> kids.get(0).scalar() && kids.get(0).sign() == Sign.POS ? Sign.POS : Sign.ANY;
            case TR, DET -> kids.get(0).definite() == Def.SPD ? Sign.POS
                    : kids.get(0).definite() == Def.PSD ? Sign.NONNEG
                    : kids.get(0).scalar() ? kids.get(0).sign() : Sign.ANY;
            case NORM2, NORMF -> Sign.NONNEG;
            case SUM -> kids.get(0).sign();
            case DIAG -> kids.get(0).cols == 1 ? (kids.get(0).sign() == Sign.ANY ? Sign.ANY : Sign.NONNEG)
                    : kids.get(0).definite() == Def.SPD ? Sign.POS : Sign.ANY;
            case VEC, UNVEC -> kids.get(0).sign();
            case ADJ, LOG, SIN, COS, TANH, NEG, SUB -> Sign.ANY;
        };
    }

    private static Sign both(Sign a, Sign b) {
        if (a == Sign.POS && b == Sign.POS) {
            return Sign.POS;
        }
        return a != Sign.ANY && b != Sign.ANY ? Sign.NONNEG : Sign.ANY;
    }

    private Sign mulSign() {
        if (!scalar()) {
            return allSigns();
        }
        List<Node> mats = new ArrayList<>();
        Sign scalarSign = Sign.POS;
        for (Node k : kids) {
            if (k.scalar()) {
                scalarSign = both(scalarSign, k.sign());
            } else {
                mats.add(k);
            }
        }
        if (mats.isEmpty()) {
            return scalarSign;
        }
        // x'*x and x'*S*x with S semidefinite are non-negative
        if (mats.size() == 2 && mats.get(0).equals(t(mats.get(1))) && scalarSign != Sign.ANY) {
            return Sign.NONNEG;
        }
        if (mats.size() == 3 && mats.get(0).equals(t(mats.get(2))) && mats.get(1).definite() != Def.NONE
                && scalarSign != Sign.ANY) {
            return mats.get(1).definite() == Def.SPD && mats.get(2).op == Op.ONES ? Sign.POS : Sign.NONNEG;
        }
        return allSigns() == Sign.POS ? Sign.POS : Sign.ANY;
    }

    private Sign allSigns() {
        Sign s = Sign.POS;
        for (Node k : kids) {
            s = both(s, k.sign());
        }
        return s;
    }

    Def definite() {
        if (!square() || scalar()) {
            return scalar() && sign() == Sign.POS ? Def.SPD : Def.NONE;
        }
        return switch (op) {
            case IDENT -> Def.SPD;
            case ADD -> {
                Def a = kids.get(0).definite();
                Def b = kids.get(1).definite();
                if (a == Def.NONE || b == Def.NONE) {
                    yield Def.NONE;
                }
                yield a == Def.SPD || b == Def.SPD ? Def.SPD : Def.PSD;
            }
            case INV, TRANSPOSE -> kids.get(0).definite() == Def.SPD ? Def.SPD : Def.NONE;
            case KRON -> {
                Def a = kids.get(0).definite();
                Def b = kids.get(1).definite();
                yield a == Def.SPD && b == Def.SPD ? Def.SPD : a != Def.NONE && b != Def.NONE ? Def.PSD : Def.NONE;
            }
            case DIAG -> kids.get(0).cols == 1 ? switch (kids.get(0).sign()) {
                case POS -> Def.SPD;
                case NONNEG -> Def.PSD;
                case ANY -> Def.NONE;
            } : Def.NONE;
            case MUL -> mulDef();
            case DIV -> kids.get(1).sign() == Sign.POS ? kids.get(0).definite() : Def.NONE;
            case POW -> kids.get(0).definite() == Def.SPD && kids.get(1).isIntegerLiteral() ? Def.SPD : Def.NONE;
            default -> Def.NONE;
        };
    }

    private Def mulDef() {
        List<Node> mats = new ArrayList<>();
        Sign scalarSign = Sign.POS;
        for (Node k : kids) {
            if (k.scalar()) {
                scalarSign = both(scalarSign, k.sign());
            } else {
                mats.add(k);
            }
        }
        if (scalarSign == Sign.ANY) {
            return Def.NONE;
        }
        Def d = Def.NONE;
        if (mats.size() == 1) {
            d = mats.get(0).definite();
        } else if (mats.size() == 2 && mats.get(0).equals(t(mats.get(1)))) {
            // A'*A: definite when A is a tall variable (full column rank at random values)
            Node a = mats.get(1);
            d = a.op == Op.VAR && a.rows > a.cols ? Def.SPD : Def.PSD;
        } else if (mats.size() == 2 && mats.get(1).equals(t(mats.get(0)))) {
            Node a = mats.get(0);
            d = a.op == Op.VAR && a.cols > a.rows ? Def.SPD : Def.PSD;
        }
        if (d == Def.SPD && scalarSign != Sign.POS) {
            d = Def.PSD;
        }
        return d;
    }

    /** Whether every node of the tree gets arguments inside its function's domain. */
    boolean wellDefined() {
        for (Node k : kids) {
            if (!k.wellDefined()) {
                return false;
            }
        }
        return switch (op) {
            case LOG, SQRT, LOG1P -> kids.get(0).sign() == Sign.POS;
            case DIV -> kids.get(1).sign() == Sign.POS;
            case HDIV -> kids.get(1).sign() == Sign.POS;
            case INV -> kids.get(0).definite() == Def.SPD;
            case POW, EPOW -> {
                Node base = kids.get(0);
                Node e = kids.get(1);
                boolean nonNegInteger = e.isIntegerLiteral() && e.number >= 0;
                if (op == Op.POW && !base.scalar()) {
                    yield e.isIntegerLiteral() && (e.number >= 0 || base.definite() == Def.SPD);
                }
                yield nonNegInteger || base.sign() == Sign.POS;
            }
            default -> true;
        };
    }

    // ---------------------------------------------------------------- mcd text

    private boolean atomic() {
        return switch (op) {
            case VAR, IDENT, ONES, ZERO -> true;
            case NUM -> number >= 0;
            case TR, DET, ADJ, LOG, EXP, SIN, COS, TANH, SQRT, ABS, SIGMOID, LOG1P, SOFTPLUS, SUM, NORM2, NORMF, DIAG, VEC, UNVEC, KRON -> true;
            case INV -> !"^-1".equals(text);
            default -> false;
        };
    }

    private String wrapped() {
        return atomic() ? mcd() : "(" + mcd() + ")";
    }

    /** The expression in mcd's language, every composite operand parenthesised. */
    String mcd() {
        return switch (op) {
            case VAR -> text;
            case NUM -> numberText(number);
            case IDENT -> "I";
            case ONES -> "ones";
            case ZERO -> "0";
            case ADD -> kids.get(0).wrapped() + " + " + kids.get(1).wrapped();
            case SUB -> kids.get(0).wrapped() + " - " + kids.get(1).wrapped();
            case NEG -> "-" + kids.get(0).wrapped();
            case MUL -> String.join("*", kids.stream().map(Node::wrapped).toList());
            case DIV -> kids.get(0).wrapped() + "/" + kids.get(1).wrapped();
            case HAD -> kids.get(0).wrapped() + " .* " + kids.get(1).wrapped();
            case HDIV -> kids.get(0).wrapped() + " ./ " + kids.get(1).wrapped();
            case POW -> kids.get(0).wrapped() + "^" + kids.get(1).wrapped();
            case EPOW -> kids.get(0).wrapped() + " .^ " + kids.get(1).wrapped();
            case TRANSPOSE -> kids.get(0).wrapped() + "'";
            case INV -> "^-1".equals(text) ? kids.get(0).wrapped() + "^-1" : "inv(" + kids.get(0).mcd() + ")";
            case KRON -> "kron(" + kids.get(0).mcd() + ", " + kids.get(1).mcd() + ")";
            // the second kid only names the size: unvec(v, rows(M)) has M's rows
            case UNVEC -> "unvec(" + kids.get(0).mcd() + ", rows(" + kids.get(1).mcd() + "))";
            default -> op.name().toLowerCase(java.util.Locale.ROOT).replace("normf", "normF") + "(" + kids.get(0).mcd() + ")";
        };
    }

    static String numberText(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    // ---------------------------------------------------------------- NumPy text

    /**
     * The oracle's NumPy code, safe for complex-step differentiation: no conjugation (.T, not
     * .conj().T), |z| as z*sign(re z), norms as sqrt(sum(z*z)); helpers _s (to 0-d), _sig, _abs,
     * _adj are defined by the driver script.
     */
    String numpy() {
        return switch (op) {
            case VAR -> "V['" + text + "']";
            case NUM -> "(" + Double.toString(number) + ")";
            case IDENT -> "np.eye(" + rows + ")";
            case ONES -> "np.ones((" + rows + ", 1))";
            case ZERO -> scalar() ? "_s(0.0)" : "np.zeros((" + rows + ", " + cols + "))";
            case ADD -> "(" + kids.get(0).numpy() + " + " + kids.get(1).numpy() + ")";
            case SUB -> "(" + kids.get(0).numpy() + " - " + kids.get(1).numpy() + ")";
            case NEG -> "(-" + kids.get(0).numpy() + ")";
            case MUL -> product();
            case DIV, HDIV -> "(" + kids.get(0).numpy() + " / " + kids.get(1).numpy() + ")";
            case HAD -> "(" + kids.get(0).numpy() + " * " + kids.get(1).numpy() + ")";
            case POW -> kids.get(0).scalar()
                    ? "(" + kids.get(0).numpy() + " ** " + exponent(kids.get(1)) + ")"
                    : "np.linalg.matrix_power(" + kids.get(0).numpy() + ", " + (long) kids.get(1).number + ")";
            case EPOW -> "(" + kids.get(0).numpy() + " ** " + exponent(kids.get(1)) + ")";
            case TRANSPOSE -> kids.get(0).scalar() ? kids.get(0).numpy() : kids.get(0).numpy() + ".T";
            case INV -> kids.get(0).scalar() ? "(1.0 / " + kids.get(0).numpy() + ")" : "np.linalg.inv(" + kids.get(0).numpy() + ")";
            case KRON -> "np.kron(" + kids.get(0).numpy() + ", " + kids.get(1).numpy() + ")";
            case TR -> kids.get(0).scalar() ? kids.get(0).numpy() : "_s(np.trace(" + kids.get(0).numpy() + "))";
            case DET -> kids.get(0).scalar() ? kids.get(0).numpy() : "_s(np.linalg.det(" + kids.get(0).numpy() + "))";
            case ADJ -> kids.get(0).scalar() ? "_s(1.0)" : "_adj(" + kids.get(0).numpy() + ")";
            case LOG -> "np.log(" + kids.get(0).numpy() + ")";
            case EXP -> "np.exp(" + kids.get(0).numpy() + ")";
            case LOG1P -> "np.log1p(" + kids.get(0).numpy() + ")";
            case SOFTPLUS -> "np.log(1 + np.exp(" + kids.get(0).numpy() + "))"; // logaddexp refuses the complex step
            case SIN -> "np.sin(" + kids.get(0).numpy() + ")";
            case COS -> "np.cos(" + kids.get(0).numpy() + ")";
            case TANH -> "np.tanh(" + kids.get(0).numpy() + ")";
            case SQRT -> "np.sqrt(" + kids.get(0).numpy() + ")";
            case ABS -> "_abs(" + kids.get(0).numpy() + ")";
            case SIGMOID -> "_sig(" + kids.get(0).numpy() + ")";
            case SUM -> "_s(np.sum(" + kids.get(0).numpy() + "))";
            case NORM2, NORMF -> "_s(np.sqrt(np.sum(" + kids.get(0).numpy() + " ** 2)))";
            case DIAG -> kids.get(0).cols == 1
                    ? "np.diag(" + kids.get(0).numpy() + "[:, 0])"
                    : "np.diag(" + kids.get(0).numpy() + ").reshape(-1, 1)";
            case VEC -> kids.get(0).numpy() + ".T.reshape(-1, 1)";
            case UNVEC -> kids.get(0).numpy() + ".reshape((" + cols + ", " + rows + ")).T"; // column-major
        };
    }

    private static String exponent(Node e) {
        return e.isIntegerLiteral() ? Long.toString((long) e.number) : e.numpy();
    }

    /** Left to right as the shape checker reads a chain: a 1×1 running product scales the next factor. */
    private String product() {
        String acc = kids.get(0).numpy();
        for (int i = 1; i < kids.size(); i++) {
            Node f = kids.get(i);
            boolean accScalar = resultIsScalarAfter(i - 1);
            if (accScalar || f.scalar()) {
                acc = "(" + acc + " * " + f.numpy() + ")";
            } else {
                acc = "(" + acc + " @ " + f.numpy() + ")";
                if (resultIsScalarAfter(i)) {
                    acc = "_s(" + acc + ")";
                }
            }
        }
        return acc;
    }

    /** Whether the running product of factors 0..i is 1×1. */
    private boolean resultIsScalarAfter(int i) {
        int r = kids.get(0).rows;
        int c = kids.get(0).cols;
        for (int k = 1; k <= i; k++) {
            Node f = kids.get(k);
            if (r == 1 && c == 1) {
                r = f.rows;
                c = f.cols;
            } else if (!f.scalar()) {
                c = f.cols;
            }
        }
        return r == 1 && c == 1;
    }
}
