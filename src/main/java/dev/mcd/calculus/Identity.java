package dev.mcd.calculus;

import dev.mcd.expr.Equalities;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the identity catalogue, e.g. eq. (10) {@code product-rule}:
 * {@code d(X*Y) = d(X)*Y + X*d(Y)}. Numbered entries keep the tutorial's numbers 1–27; helper
 * facts have number 0 and are cited by id. {@code statement} is a chain of equal expressions in
 * the mcd language (checked numerically by the site build), or empty when the entry is a
 * definition shown only as TeX ({@code tex}), like the total differential of eq. (24).
 *
 * @param id        stable kebab-case id; anchors are {@code eq:<id>} or {@code fact:<id>}
 * @param number    the tutorial's equation number, 0 for a helper fact
 * @param group     {@code read-off}, {@code rules}, {@code chain}, {@code total} or {@code facts}
 * @param name      a short human name, e.g. "product rule"
 * @param statement the identity as {@code lhs = rhs [= rhs2]} in the mcd language, or ""
 * @param where     declarations for the statement's names, e.g. {@code "a: scalar"}
 * @param tex       TeX used instead of printing the statement, or "" to print it
 */
public record Identity(String id, int number, String group, String name, String statement, String where, String tex) {
    public Identity {
        Objects.requireNonNull(id);
        Objects.requireNonNull(statement);
        Objects.requireNonNull(where);
        Objects.requireNonNull(tex);
        if (statement.isEmpty() && tex.isEmpty()) {
            throw new IllegalArgumentException(id + ": an identity needs a statement or TeX");
        }
    }

    private boolean numbered() {
        return number > 0;
    }

    /** The page anchor: {@code eq:product-rule} or {@code fact:cyclic-trace}. */
    public String anchor() {
        return (numbered() ? "eq:" : "fact:") + id;
    }

    /** The statement's expressions in order, e.g. "d(X*Y)" and "d(X)*Y + X*d(Y)"; empty for a definition. */
    public List<String> sides() {
        return statement.isEmpty() ? List.of() : Equalities.texts(statement);
    }
}
