package dev.mcd.calculus;

import dev.mcd.expr.*;

public class Scratch {
    public static void main(String[] a) {
        String[][] cases = {
            {"x'*x", "x", ""},
            {"norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector"},
            {"log(det(X))", "X", ""},
            {"tr(A*X*B)", "X", ""},
            {"l(W_2*sigma(W_1*x))", "W_2", "l: scalar"},
            {"l(W_2*sigma(W_1*x))", "W_1", "l: scalar"},
            {"x'*A*x", "x", ""},
            {"tr(X^3)", "X", ""},
            {"inv(A + t*B)", "t", "t: scalar"},
            {"det(A*X*B)", "X", ""},
            {"log(det(X'*X))", "X", ""},
            {"(x'*A*x)/(x'*x)", "x", ""},
            {"log(sum(exp(x)))", "x", ""},
            {"tanh(W*x)", "x", ""},
            {"a'*inv(X)*b", "X", ""},
            {"normF(X*W - Y)^2", "W", ""},
            {"tr(kron(A, X))", "X", ""},
        };
        for (String[] c : cases) {
            try {
                Decls d = Decls.parse(c[2]);
                Expr e = Parser.parse(c[0], d).expr();
                Derivation r = Deriver.derive(e, new Expr.Var(c[1], d.kindOf(c[1])));
                System.out.println("== " + c[0] + " by " + c[1] + "  [" + r.form() + "]");
                for (Step s : r.steps()) System.out.println("   = " + Plain.of(s.rhs()) + "    [" + s.rule() + " " + s.equations() + "]");
                System.out.println("   => " + Plain.of(r.result()));
            } catch (ExprException ex) {
                System.out.println("!! " + c[0] + ": " + ex.getMessage());
            }
        }
    }
}
