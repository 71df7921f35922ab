package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Kind;
import java.util.List;

/** Terse builders for expressions in tests, until the parser lands: {@code E.mul(E.t(x), x)} for x'x. */
final class E {
    private E() {}

    static Expr.Var scalar(String n) {
        return new Expr.Var(n, Kind.SCALAR);
    }

    static Expr.Var vector(String n) {
        return new Expr.Var(n, Kind.VECTOR);
    }

    static Expr.Var matrix(String n) {
        return new Expr.Var(n, Kind.MATRIX);
    }

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    static Expr add(Expr... t) {
        return new Expr.Add(List.of(t));
    }

    static Expr mul(Expr... f) {
        return new Expr.Mul(List.of(f));
    }

    static Expr neg(Expr a) {
        return new Expr.Neg(a);
    }

    static Expr t(Expr a) {
        return new Expr.Transpose(a);
    }

    static Expr d(Expr a) {
        return new Expr.Diff(a);
    }

    static Expr inv(Expr a) {
        return new Expr.Inv(a);
    }

    static Expr call(Fn fn, Expr a) {
        return new Expr.Call(fn, a);
    }

    static Expr tr(Expr a) {
        return call(Fn.TR, a);
    }

    static Expr det(Expr a) {
        return call(Fn.DET, a);
    }

    static Expr pow(Expr a, double e) {
        return new Expr.Pow(a, num(e));
    }

    static Expr.Apply apply(String name, Expr arg, Kind kind) {
        return new Expr.Apply(name, arg, kind, false, 0);
    }

    static Expr.Apply sigma(Expr arg, int primes) {
        return new Expr.Apply("sigma", arg, Kind.MATRIX, true, primes);
    }

    static Expr grad(Expr.Apply a) {
        return new Expr.Grad(a);
    }
}
