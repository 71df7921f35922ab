package dev.mcd.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declarations for test corpora written before abstract functions had to be declared: every name
 * the texts apply as a function ({@code l(y)}, {@code sigma'(X)}) and the language does not know is
 * declared, {@code sigma} element-wise and the others by the kind given for them ({@code y: vector}
 * becomes {@code y: vector function}) or as scalar functions. The declaration syntax itself is
 * tested in {@link DeclsTest} and the soundness cases; corpora test what the engine does with them.
 */
public final class TestDecls {
    private static final Pattern APPLIED = Pattern.compile("(?<![A-Za-z0-9_])([A-Za-zσ][A-Za-z0-9_]*)'*\\(");
    private static final Set<String> BUILT_IN = Set.of("d", "inv", "kron", "unvec", "rows", "cols", "I", "ones");

    private TestDecls() {}

    public static Decls parse(String where, String... texts) {
        Set<String> applied = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher m = APPLIED.matcher(t);
            while (m.find()) {
                String name = Names.normalize(m.group(1));
                if (!BUILT_IN.contains(name) && Fn.bySource(name).isEmpty()) {
                    applied.add(name);
                }
            }
        }
        if (applied.isEmpty()) {
            return where.isBlank() ? Decls.empty() : Decls.parse(where);
        }
        List<String> entries = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String entry : where.split("[,\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] nk = entry.split(":", 2);
            String name = Names.normalize(nk[0].strip());
            String kind = nk.length > 1 ? nk[1].strip() : "";
            if (applied.contains(name) && !kind.endsWith("function")) {
                kind = name.equals("sigma") ? "elementwise function" : kind + " function";
            }
            done.add(name);
            entries.add(nk[0].strip() + ": " + kind);
        }
        for (String name : applied) {
            if (!done.contains(name)) {
                entries.add(name + ": " + (name.equals("sigma") ? "elementwise function" : "scalar function"));
            }
        }
        return Decls.parse(String.join(", ", entries));
    }
}
