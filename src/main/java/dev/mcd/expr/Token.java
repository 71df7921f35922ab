package dev.mcd.expr;

/** One lexical token with where it starts, e.g. {@code .*} at 1:3 in {@code x.*y}. */
record Token(Type type, String text, Pos pos) {

    enum Type {
        NAME, NUMBER, PLUS, MINUS, STAR, SLASH, DOT_STAR, DOT_SLASH, CARET, DOT_CARET, QUOTE,
        LPAREN, RPAREN, COMMA, END
    }

    /** How an error message names this token: {@code 'x'} or {@code end of input}. */
    String describe() {
        return type == Type.END ? "end of input" : "'" + text + "'";
    }
}
