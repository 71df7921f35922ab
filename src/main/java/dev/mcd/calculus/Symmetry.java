package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import java.util.List;

/**
 * Recognises matrices that are symmetric by construction, so (X'X)^-1' can print as (X'X)^-1:
 * palindromic products such as X'X or A'BA with B symmetric, I, inverses and sums of them.
 * Declared-symmetric variables are not assumed: a general A stays A'.
 */
final class Symmetry {
    private Symmetry() {}

    static boolean isSymmetric(Expr e) {
        return switch (e) {
            case Expr.Identity i -> true;
            case Zero z -> true;
            case Num n -> true;
            case Inv i -> isSymmetric(i.arg());
            case Pow p -> isSymmetric(p.base());
            case Neg n -> isSymmetric(n.arg());
            case Add a -> a.terms().stream().allMatch(Symmetry::isSymmetric);
            case Mul m -> palindrome(m.factors());
            case Call c -> c.fn() == dev.mcd.expr.Fn.DIAG && Outline.of(c.arg()).colsOne();
            default -> Outline.of(e).scalar() && !Tree.hasDiff(e);
        };
    }

    private static boolean palindrome(List<Expr> fs) {
        int n = fs.size();
        if (fs.stream().anyMatch(Tree::hasDiff)) {
            return false;
        }
        for (int i = 0; i < n / 2; i++) {
            Expr a = fs.get(i);
            Expr b = fs.get(n - 1 - i);
            boolean mirrored = a.equals(new Transpose(b)) || b.equals(new Transpose(a))
                    || (Outline.of(a).scalar() && Outline.of(b).scalar());
            if (!mirrored) {
                return false;
            }
        }
        return n % 2 == 0 || isSymmetric(fs.get(n / 2));
    }
}
