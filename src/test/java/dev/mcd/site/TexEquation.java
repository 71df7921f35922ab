package dev.mcd.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tutorial's TeX for an equality into the expression language when it only uses what
 * the language has, e.g. {@code x = \mathrm{tr}(x)} or
 * {@code d(\mathbf{y}^\top\mathbf{y}) = 2\mathbf{y}^\top d\mathbf{y}} becomes
 * {@code y'*y}-style sides with declarations (bold lower case a vector, bold capital a matrix,
 * italic a scalar). Anything else (indices, sums, fractions, norms, sets) gives empty: such a
 * formula is not one the engine can parse, and the audit leaves it to the page's marks.
 */
final class TexEquation {
    /** The sides of {@code a = b = c} in the expression language, and the declarations they need. */
    record Translated(List<String> sides, String where) {}

    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("Sigma", "Sigma"), Map.entry("Lambda", "Lambda"),
            Map.entry("mu", "mu"), Map.entry("sigma", "sigma"), Map.entry("lambda", "lambda"), Map.entry("Delta", "Delta"),
            Map.entry("alpha", "alpha"), Map.entry("beta", "beta"), Map.entry("theta", "theta"));
    private static final Map<String, String> FUNCTIONS = Map.of("tr", "tr", "vec", "vec", "adj", "adj", "det", "det",
            "ln", "log", "exp", "exp", "log", "log", "diag", "diag");
    private static final List<String> IGNORED = List.of("\\,", "\\;", "\\!", "\\ ", "\\big", "\\Big", "\\bigg",
            "\\left", "\\right", "\\bigl", "\\bigr", "\\Bigl", "\\Bigr", "\\displaystyle");

    private final String tex;
    private int i;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> kinds = new TreeMap<>();
    /** Whether the text written so far ends an operand, so that a following operand multiplies it. */
    private boolean operandEnded;
    /** Open parentheses and determinant bars, innermost first; a bar closes only the innermost bar. */
    private final java.util.ArrayDeque<Character> groups = new java.util.ArrayDeque<>();
    private int depth;
    /** Depths at which a ")" is still owed, e.g. by {@code d|X|} written as {@code d(det(X))}. */
    private final java.util.ArrayDeque<Integer> owed = new java.util.ArrayDeque<>();

    private TexEquation(String tex) {
        this.tex = tex;
    }

    static Optional<Translated> translate(String tex) {
        try {
            return new TexEquation(tex.strip().replaceAll("[.,]\\s*$", "")).run();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Translated> run() {
        var sides = new ArrayList<String>();
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '=') {
                sides.add(out.toString().strip());
                out.setLength(0);
                operandEnded = false;
                i++;
            } else if (c == '\\') {
                command();
            } else if (Character.isLetter(c)) {
                i++;
                int j = i;
                while (j < tex.length() && tex.charAt(j) == ' ') {
                    j++;
                }
                if (c == 'd' && j < tex.length() && (tex.startsWith("\\mathbf", j) || tex.startsWith("\\boldsymbol", j)
                        || tex.charAt(j) == '(' || tex.charAt(j) == '|' || tex.startsWith("\\ln", j)
                        || j == i && Character.isLetter(tex.charAt(j)))) {
                    differential();
                } else {
                    operand(String.valueOf(c), "scalar");
                }
            } else if (Character.isDigit(c)) {
                int s = i;
                while (i < tex.length() && Character.isDigit(tex.charAt(i))) {
                    i++;
                }
                multiplyIfNeeded();
                out.append(tex, s, i);
                operandEnded = true;
            } else if (c == '(') {
                multiplyIfNeeded();
                out.append('(');
                open('(');
                i++;
            } else if (c == ')') {
                close('(');
                i++;
            } else if (c == '|' && operandEnded && !groups.isEmpty() && groups.peek() == '|') {
                close('|');
                i++;
            } else if (c == '|') {
                multiplyIfNeeded();
                out.append("det(");
                open('|');
                i++;
            } else if (c == '/') {
                infix(" / ");
                i++;
            } else if (c == '+' || c == '-') {
                out.append(' ').append(c).append(' ');
                operandEnded = false;
                i++;
            } else if (c == '^') {
                i++;
                power();
            } else if (c == '{' || c == '}') {
                i++; // grouping braces of TeX carry no meaning here
            } else {
                throw new IllegalArgumentException("not in the language: " + c);
            }
        }
        sides.add(out.toString().strip());
        if (sides.size() < 2 || sides.stream().anyMatch(String::isBlank)) {
            return Optional.empty();
        }
        var where = new StringBuilder();
        kinds.forEach((n, k) -> where.append(where.isEmpty() ? "" : ", ").append(n).append(": ").append(k));
        return Optional.of(new Translated(sides, where.toString()));
    }

    /** The length of a spacing or sizing command at {@code i} ({@code \,}, {@code \big}), or 0. */
    private int ignoredAt() {
        for (String s : IGNORED) {
            if (tex.startsWith(s, i) && (s.length() == 2 || i + s.length() >= tex.length()
                    || !Character.isLetter(tex.charAt(i + s.length())))) {
                return s.length();
            }
        }
        return 0;
    }

    private void command() {
        int skip = ignoredAt();
        if (skip > 0) {
            i += skip;
            return;
        }
        if (tex.startsWith("\\|", i)) {
            norm();
            return;
        }
        String name = word();
        switch (name) {
            case "mathbf", "boldsymbol" -> bold();
            case "mathrm", "operatorname" -> {
                String g = group();
                if (g.equals("d")) {
                    differential(); // the upright differential \mathrm{d}
                } else {
                    function(g);
                }
            }
            case "circ" -> infix(" .* ");
            case "cdot" -> infix("*");
            case "top" -> throw new IllegalArgumentException("a transpose outside a power");
            default -> {
                if (FUNCTIONS.containsKey(name)) {
                    function(name);
                } else if (GREEK.containsKey(name)) {
                    operand(GREEK.get(name) + subscript(), "scalar");
                } else {
                    throw new IllegalArgumentException("not in the language: \\" + name);
                }
            }
        }
    }

    /** Where each open norm's "norm2" was written, so that a closing {@code \|_F} can make it "normF". */
    private final java.util.ArrayDeque<Integer> norms = new java.util.ArrayDeque<>();

    /** {@code \|v\|} is norm2(v) and {@code \|M\|_F} is normF(M). */
    private void norm() {
        i += 2;
        if (operandEnded && !groups.isEmpty() && groups.peek() == 'n') {
            close('n');
            int at = norms.pop();
            if (tex.startsWith("_F", i)) {
                out.replace(at, at + 5, "normF");
                i += 2;
            }
            return;
        }
        multiplyIfNeeded();
        norms.push(out.length());
        out.append("norm2(");
        open('n');
    }

    private void open(char kind) {
        groups.push(kind);
        depth++;
        operandEnded = false;
    }

    private void close(char kind) {
        if (groups.isEmpty() || groups.pop() != kind) {
            throw new IllegalArgumentException("unbalanced");
        }
        out.append(')');
        depth--;
        while (!owed.isEmpty() && owed.peek() == depth) {
            owed.pop();
            out.append(')');
        }
        operandEnded = true;
    }

    /** Writes "(" now and owes the matching ")" for when the next group at this depth closes. */
    private void owe() {
        out.append('(');
        owed.push(depth);
    }

    private void infix(String op) {
        out.append(op);
        operandEnded = false;
    }

    private String word() {
        int s = ++i;
        while (i < tex.length() && Character.isLetter(tex.charAt(i))) {
            i++;
        }
        if (s == i) {
            throw new IllegalArgumentException("a symbol command");
        }
        return tex.substring(s, i);
    }

    private String group() {
        skipSpaces();
        if (i >= tex.length() || tex.charAt(i) != '{') {
            throw new IllegalArgumentException("expected {");
        }
        int close = tex.indexOf('}', i);
        String g = tex.substring(i + 1, close).strip();
        i = close + 1;
        return g;
    }

    private void bold() {
        String g = group();
        if (g.startsWith("\\")) {
            g = g.substring(1);
            if (!GREEK.containsKey(g)) {
                throw new IllegalArgumentException("bold command " + g);
            }
        }
        String name = g + subscript();
        switch (name) {
            case "0" -> literal("0");
            case "1" -> literal("ones");
            case "I" -> literal("I");
            default -> {
                if (!name.matches("[A-Za-z]+(_[0-9]+)?")) {
                    throw new IllegalArgumentException("bold " + name);
                }
                operand(name, Character.isUpperCase(name.charAt(0)) ? "matrix" : "vector");
            }
        }
    }

    private void literal(String s) {
        multiplyIfNeeded();
        out.append(s);
        operandEnded = true;
    }

    /** {@code _1} or {@code _{12}}; an index such as {@code _{ij}} is not a name the language has. */
    private String subscript() {
        if (i < tex.length() && tex.charAt(i) == '_') {
            i++;
            String s = i < tex.length() && tex.charAt(i) == '{' ? group() : String.valueOf(tex.charAt(i++));
            if (!s.matches("[0-9]+")) {
                throw new IllegalArgumentException("an index subscript");
            }
            return "_" + s;
        }
        return "";
    }

    private void operand(String name, String kind) {
        String before = kinds.putIfAbsent(name, kind);
        if (before != null && !before.equals(kind)) {
            throw new IllegalArgumentException(name + " used as " + before + " and " + kind);
        }
        literal(name);
    }

    private void function(String name) {
        String f = FUNCTIONS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("function " + name);
        }
        skipIgnored();
        if (i >= tex.length() || tex.charAt(i) != '(' && tex.charAt(i) != '|') {
            throw new IllegalArgumentException("a function without parentheses");
        }
        multiplyIfNeeded();
        out.append(f);
        if (tex.charAt(i) == '|') {
            owe(); // \ln|X| is log(det(X))
        }
        operandEnded = false;
    }

    /** {@code d\mathbf{X}} is d(X); {@code d(...)} stays as written; {@code d|X|} and {@code d\ln|X|} are wrapped. */
    private void differential() {
        skipIgnored();
        multiplyIfNeeded();
        if (tex.charAt(i) == '(') {
            out.append('d');
            operandEnded = false;
            return;
        }
        if (tex.charAt(i) == '|' || tex.startsWith("\\ln", i) || tex.startsWith("\\det", i) || tex.startsWith("\\mathrm", i)) {
            out.append('d');
            owe();
            operandEnded = false;
            return;
        }
        out.append("d(");
        operandEnded = false;
        if (tex.charAt(i) == '\\') {
            command();
        } else {
            operand(String.valueOf(tex.charAt(i++)), "scalar");
        }
        out.append(')');
        operandEnded = true;
    }

    private void power() {
        skipSpaces();
        String p = tex.charAt(i) == '{' ? group() : tex.charAt(i) == '\\' ? "\\" + word() : String.valueOf(tex.charAt(i++));
        switch (p) {
            case "\\top", "T" -> out.append('\'');
            case "-1" -> out.append("^-1");
            default -> {
                if (!p.matches("[0-9]")) {
                    throw new IllegalArgumentException("power " + p);
                }
                out.append('^').append(p);
            }
        }
        operandEnded = true;
    }

    private void multiplyIfNeeded() {
        if (operandEnded) {
            out.append('*');
        }
    }

    private void skipSpaces() {
        while (i < tex.length() && tex.charAt(i) == ' ') {
            i++;
        }
    }

    private void skipIgnored() {
        boolean moved = true;
        while (moved && i < tex.length()) {
            moved = false;
            skipSpaces();
            int skip = ignoredAt();
            if (skip > 0) {
                i += skip;
                moved = true;
            }
        }
    }
}
