package dev.mcd.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Parses the expression language (README.md, "The expression language, in brief"), e.g. {@code norm2(W*x + b)^2}, by recursive descent
 * with precedence, loosest first: {@code + -}; {@code * /}; {@code .* ./}; unary {@code -};
 * {@code ^ .^} (right-associative); postfix {@code '}.
 *
 * <p>Choices beyond README's language section: the integer literal {@code 0} is {@link Expr.Zero}, other numbers are
 * {@link Expr.Num} ({@code 1} too; the all-ones vector is written {@code ones}); a minus directly
 * before a number literal folds into it ({@code -2} is {@code Num(-2)}, so {@code X^-1} and
 * {@code X^(-1)} are both {@link Expr.Inv}) unless the number carries {@code ^}, {@code .^} or
 * {@code '} ({@code -2^2} is {@code -(2^2)}); {@code d(...)} is always the differential, {@code dX}
 * is {@code d(X)} only when X is declared and dX is not; sums and products written in a chain
 * flatten into one {@link Expr.Add}/{@link Expr.Mul}, parenthesised ones stay nested.
 * Inputs longer than {@value #MAX_LENGTH} characters or nested deeper than {@value #MAX_DEPTH}
 * levels are rejected with a positioned error (the depth is checked before recursing).
 */
public final class Parser {
    public static final int MAX_LENGTH = 100_000;
    public static final int MAX_DEPTH = 500;

    /** A parsed tree and where each of its nodes was written. */
    public record Parsed(Expr expr, SourceMap positions) {}

    private final String src;
    private final Decls decls;
    private final List<Token> tokens;
    private final IdentityHashMap<Expr, Pos> starts = new IdentityHashMap<>();
    private final IdentityHashMap<Expr, List<Pos>> operators = new IdentityHashMap<>();
    private int k;
    private int depth;

    private Parser(String src, Decls decls, List<Token> tokens) {
        this.src = src;
        this.decls = decls;
        this.tokens = tokens;
    }

    /** Parses with the default kinds for every name (upper-case initial a matrix, lower-case a vector). */
    public static Parsed parse(String source) {
        return parse(source, Decls.empty());
    }

    /**
     * @throws ExprException with the line and column of the problem: an unknown character, a missing
     *     or unexpected token, a wrong number of arguments, empty input, too long or too deep input
     */
    public static Parsed parse(String source, Decls decls) {
        if (source.length() > MAX_LENGTH) {
            throw new ExprException("the expression is longer than " + MAX_LENGTH + " characters",
                Lexer.posAt(source, MAX_LENGTH), source);
        }
        List<Token> tokens = Lexer.tokens(source);
        return mayNestDeeply(tokens) ? onLargeStack(source, decls, tokens) : run(source, decls, tokens);
    }

    /**
     * Whether the input could nest more than a caller's stack comfortably holds: 500 levels take
     * about 1 MB of interpreted frames, the whole default stack of a thread. Only openers nest.
     */
    private static boolean mayNestDeeply(List<Token> tokens) {
        int openers = 0;
        for (Token t : tokens) {
            switch (t.type()) {
                case LPAREN, MINUS, CARET, DOT_CARET -> openers++;
                case NAME, NUMBER, PLUS, STAR, SLASH, DOT_STAR, DOT_SLASH, QUOTE, RPAREN, COMMA, END -> { }
            }
        }
        return openers > LargeStack.SHALLOW;
    }

    /** Parses on a thread of its own with a stack large enough for {@value #MAX_DEPTH} levels. */
    private static Parsed onLargeStack(String source, Decls decls, List<Token> tokens) {
        return LargeStack.run(() -> run(source, decls, tokens));
    }

    private static Parsed run(String source, Decls decls, List<Token> tokens) {
        Parser p = new Parser(source, decls, tokens);
        if (p.peek().type() == Token.Type.END) {
            throw new ExprException("empty expression", p.peek().pos(), source);
        }
        Expr e = p.expression();
        if (p.peek().type() != Token.Type.END) {
            throw p.error("expected an operator or the end but found " + p.peek().describe(), p.peek());
        }
        return new Parsed(e, new SourceMap(source, p.starts, p.operators));
    }

    private Expr expression() {
        Token first = peek();
        List<Expr> terms = new ArrayList<>();
        List<Pos> ops = new ArrayList<>();
        terms.add(term());
        while (peek().type() == Token.Type.PLUS || peek().type() == Token.Type.MINUS) {
            Token op = next();
            Expr t = term();
            terms.add(op.type() == Token.Type.MINUS ? at(new Expr.Neg(t), op.pos()) : t);
            ops.add(op.pos());
        }
        return terms.size() == 1 ? terms.getFirst() : at(new Expr.Add(terms), first.pos(), ops);
    }

    private Expr term() {
        Token first = peek();
        List<Expr> factors = new ArrayList<>();
        List<Pos> ops = new ArrayList<>();
        factors.add(hadamard());
        while (peek().type() == Token.Type.STAR || peek().type() == Token.Type.SLASH) {
            Token op = next();
            Expr rhs = hadamard();
            if (op.type() == Token.Type.STAR) {
                factors.add(rhs);
                ops.add(op.pos());
            } else {
                // a*b/c is (a*b)/c: the product so far becomes the numerator.
                Expr num = product(factors, ops, first.pos());
                Expr div = at(new Expr.Div(num, rhs), first.pos(), List.of(op.pos()));
                factors = new ArrayList<>(List.of(div));
                ops = new ArrayList<>();
            }
        }
        return product(factors, ops, first.pos());
    }

    private Expr product(List<Expr> factors, List<Pos> ops, Pos start) {
        return factors.size() == 1 ? factors.getFirst() : at(new Expr.Mul(factors), start, ops);
    }

    private Expr hadamard() {
        Token first = peek();
        Expr left = operand();
        while (peek().type() == Token.Type.DOT_STAR || peek().type() == Token.Type.DOT_SLASH) {
            Token op = next();
            Expr right = operand();
            Expr node = op.type() == Token.Type.DOT_STAR ? new Expr.Hadamard(left, right) : new Expr.HadamardDiv(left, right);
            left = at(node, first.pos(), List.of(op.pos()));
        }
        return left;
    }

    /**
     * Unary minus, power, postfix transpose and primary in one method: every frame per nesting level
     * counts against the thread stack, so a parenthesis costs four frames here, not eight, and
     * minus signs are a loop. Each minus and each operand counts as one level of depth.
     */
    private Expr operand() {
        int entered = 0;
        List<Token> minuses = new ArrayList<>();
        try {
            while (true) {
                if (++depth > MAX_DEPTH) {
                    throw error("the expression is nested deeper than " + MAX_DEPTH + " levels", peek());
                }
                entered++;
                if (peek().type() != Token.Type.MINUS) {
                    break;
                }
                Token minus = next();
                if (peek().type() == Token.Type.NUMBER && !isIntegerZero(peek().text()) && !carriesOperator(peekAt(1))) {
                    return negate(minuses, at(new Expr.Num(-number(next())), minus.pos()));
                }
                minuses.add(minus);
            }
            Token first = peek();
            Expr e = switch (first.type()) {
                case NUMBER -> {
                    next();
                    yield at(isIntegerZero(first.text()) ? new Expr.Zero() : new Expr.Num(number(first)), first.pos());
                }
                case LPAREN -> {
                    next();
                    Expr inner = expression();
                    expect(Token.Type.RPAREN, "')' to close an earlier '('");
                    yield inner;
                }
                case NAME -> name();
                case END -> throw error("unexpected end of input: expected an expression", first);
                case PLUS, MINUS, STAR, SLASH, DOT_STAR, DOT_SLASH, CARET, DOT_CARET, QUOTE, RPAREN, COMMA ->
                    throw error("expected an expression but found " + first.describe(), first);
            };
            int primes = 0;
            while (peek().type() == Token.Type.QUOTE) {
                Token quote = next();
                // each prime nests one level (X'' is (X')'), so a run of them counts against the depth
                if (++primes > MAX_DEPTH) {
                    throw error("the expression is nested deeper than " + MAX_DEPTH + " levels (too many primes)", quote);
                }
                e = at(new Expr.Transpose(e), first.pos(), List.of(quote.pos()));
            }
            Token op = peek();
            if (op.type() == Token.Type.CARET || op.type() == Token.Type.DOT_CARET) {
                next();
                if (peek().type() == Token.Type.END) {
                    throw error("expected an exponent but found end of input", peek());
                }
                // Right-associative, and the exponent may carry its own sign: x^-2, a^b^c.
                Expr exponent = operand();
                Expr node;
                if (op.type() == Token.Type.DOT_CARET) {
                    node = new Expr.ElemPow(e, exponent);
                } else if (exponent instanceof Expr.Num(double v) && v == -1) {
                    node = new Expr.Inv(e);
                } else {
                    node = new Expr.Pow(e, exponent);
                }
                e = at(node, first.pos(), List.of(op.pos()));
            }
            return negate(minuses, e);
        } finally {
            depth -= entered;
        }
    }

    private Expr negate(List<Token> minuses, Expr e) {
        for (int m = minuses.size() - 1; m >= 0; m--) {
            e = at(new Expr.Neg(e), minuses.get(m).pos());
        }
        return e;
    }

    private static boolean carriesOperator(Token t) {
        return t.type() == Token.Type.CARET || t.type() == Token.Type.DOT_CARET || t.type() == Token.Type.QUOTE;
    }

    private Expr name() {
        Token t = next();
        String name = t.text();
        int primes = 0;
        while (peekAt(primes).type() == Token.Type.QUOTE) {
            primes++;
        }
        if (peekAt(primes).type() == Token.Type.LPAREN) {
            k += primes;
            return call(t, primes);
        }
        if (name.equals("I")) {
            return at(new Expr.Identity(), t.pos());
        }
        if (name.equals("ones")) {
            return at(new Expr.Ones(), t.pos());
        }
        if (Names.isFunction(name)) {
            throw error(name + " is a function: write " + name + "(...)", t);
        }
        if (name.length() > 1 && name.startsWith("d") && !decls.isDeclared(name) && decls.isDeclared(name.substring(1))) {
            String of = name.substring(1);
            Expr var = at(new Expr.Var(of, decls.kindOf(of)), t.pos());
            return at(new Expr.Diff(var), t.pos());
        }
        return at(new Expr.Var(name, decls.kindOf(name)), t.pos());
    }

    private Expr call(Token fnToken, int primes) {
        String name = fnToken.text();
        String shown = name + "'".repeat(primes);
        if (name.equals("rows") || name.equals("cols")) {
            throw error(name + "(...) is a size: it stands only as the second argument of unvec, e.g. unvec(v, "
                    + name + "(M))", fnToken);
        }
        if (name.equals("unvec")) {
            if (primes > 0) {
                throw error(shown + " is not defined: only element-wise and abstract functions take '", fnToken);
            }
            return unvec(fnToken);
        }
        Token open = next();
        List<Expr> args = new ArrayList<>();
        args.add(expression());
        while (peek().type() == Token.Type.COMMA) {
            next();
            args.add(expression());
        }
        expect(Token.Type.RPAREN, "')' to close the '(' of " + fnToken.text() + "(");
        if (name.equals("I") || name.equals("ones")) {
            throw error(name + " is not a function", fnToken);
        }
        int arity = name.equals("kron") ? 2 : 1;
        if (args.size() != arity) {
            throw error(name + " takes " + arity + (arity == 1 ? " argument" : " arguments") + " but was given " + args.size(), fnToken);
        }
        Expr arg = args.getFirst();
        Pos pos = fnToken.pos();
        if (name.equals("d") || name.equals("inv") || name.equals("kron")) {
            if (primes > 0) {
                throw error(shown + " is not defined: only element-wise and abstract functions take '", fnToken);
            }
            return at(switch (name) {
                case "d" -> new Expr.Diff(arg);
                case "inv" -> new Expr.Inv(arg);
                default -> new Expr.Kron(arg, args.get(1));
            }, pos);
        }
        Optional<Fn> fn = Fn.bySource(name);
        if (fn.isPresent()) {
            if (primes == 0) {
                return at(new Expr.Call(fn.get(), arg), pos);
            }
            if (!fn.get().elementwise()) {
                throw error(shown + " is not defined: only element-wise functions such as tanh take '", fnToken);
            }
            if (primes > 1) {
                throw error(shown + " is not supported: only a first derivative tanh'(...) is", fnToken);
            }
            return at(new Expr.Prime(fn.get(), arg), pos);
        }
        Decls.FunctionDecl declared = decls.function(name).orElseThrow(() -> error(unknownFunction(name), fnToken));
        if (declared.elementwise()) {
            return at(new Expr.Apply(name, arg, KindGuess.of(arg), true, primes), pos);
        }
        Expr.Apply apply = at(new Expr.Apply(name, arg, declared.kind(), false, 0), pos);
        if (primes == 0) {
            return apply;
        }
        if (primes > 1) {
            throw error(shown + " is not supported: only the first derivative " + name + "'(...) is", fnToken);
        }
        return at(new Expr.Grad(apply), pos);
    }

    /**
     * {@code unvec(v, rows(M))} or {@code unvec(v, cols(M))}: the second argument names a size by an
     * expression's shape, so it is read here, not as an expression (rows(...) means nothing elsewhere).
     */
    private Expr unvec(Token fnToken) {
        next(); // the '('
        Expr arg = expression();
        if (peek().type() == Token.Type.RPAREN) {
            throw error("unvec takes 2 arguments but was given 1: unvec(v, rows(M)) or unvec(v, cols(M))", fnToken);
        }
        expect(Token.Type.COMMA, "',' before the size of unvec");
        Token size = peek();
        boolean named = size.type() == Token.Type.NAME && (size.text().equals("rows") || size.text().equals("cols"));
        if (!named || peekAt(1).type() != Token.Type.LPAREN) {
            throw error("the second argument of unvec is a size, rows(M) or cols(M), but found " + size.describe(), size);
        }
        next();
        next(); // the '(' of rows( or cols(
        Expr like = expression();
        expect(Token.Type.RPAREN, "')' to close the '(' of " + size.text() + "(");
        if (peek().type() == Token.Type.COMMA) {
            throw error("unvec takes 2 arguments but was given more", fnToken);
        }
        expect(Token.Type.RPAREN, "')' to close the '(' of unvec(");
        Expr.Unvec.Side side = size.text().equals("rows") ? Expr.Unvec.Side.ROWS : Expr.Unvec.Side.COLS;
        return at(new Expr.Unvec(arg, like, side), fnToken.pos());
    }

    /** "unknown function 'trr': did you mean tr? ..." — a typo must not become an abstract function. */
    private String unknownFunction(String name) {
        java.util.List<String> known = new java.util.ArrayList<>(java.util.List.of("d", "inv", "kron", "unvec"));
        for (Fn f : Fn.values()) {
            known.add(f.source());
        }
        known.addAll(decls.functions().keySet());
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int dist = Spelling.distance(name, k);
            if (dist < bestDistance) {
                best = k;
                bestDistance = dist;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(1, Math.min(2, name.length() / 3));
        return "unknown function '" + name + "'" + (close ? ": did you mean " + best + "?" : "")
                + " (an abstract function must be declared in where:, e.g. '" + name + ": scalar function')";
    }

    private double number(Token t) {
        double v = Double.parseDouble(t.text());
        if (!Double.isFinite(v)) {
            throw error("the number " + t.text() + " is too large: the largest is about 1.8e308", t);
        }
        if (v == 0 && t.text().chars().anyMatch(c -> c >= '1' && c <= '9' && t.text().indexOf(c) < firstExponent(t.text()))) {
            throw error("the number " + t.text() + " is too small: it rounds to 0 (the smallest is about 4.9e-324)", t);
        }
        if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
            throw error("the number " + t.text() + " is too small to compute with: below about 2.2e-308 it loses precision", t);
        }
        return v;
    }

    /** Where the exponent of a number literal starts, or its length when it has none. */
    private static int firstExponent(String text) {
        int e = text.toLowerCase(java.util.Locale.ROOT).indexOf('e');
        return e < 0 ? text.length() : e;
    }

    /** "0" and "00" are the zero of eq. 7; "0.0" stays a number. */
    private static boolean isIntegerZero(String text) {
        return text.chars().allMatch(c -> c == '0');
    }

    private void expect(Token.Type type, String what) {
        if (peek().type() != type) {
            throw error("expected " + what + " but found " + peek().describe(), peek());
        }
        next();
    }

    private Token peek() {
        return tokens.get(k);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(k + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(k);
        if (t.type() != Token.Type.END) {
            k++;
        }
        return t;
    }

    private <E extends Expr> E at(E node, Pos start) {
        starts.put(node, start);
        return node;
    }

    private <E extends Expr> E at(E node, Pos start, List<Pos> ops) {
        operators.put(node, List.copyOf(ops));
        return at(node, start);
    }

    private ExprException error(String message, Token at) {
        return new ExprException(message, at.pos(), src);
    }
}
