package dev.mcd.web;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Justification;
import dev.mcd.calculus.Layouts;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.TextPrinter;
import dev.mcd.print.LatexPrinter;
import dev.mcd.print.Naming;
import dev.mcd.print.NumpyModule;
import dev.mcd.verify.VerifiedDerive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON document of one derivation, e.g. {@code {"expr":"x'*x","wrt":"x",...,"result":{"text":"2*x'",...}}}:
 * one writer for {@code mcd derive --format json} and the engine compiled to JavaScript, so the
 * page and the command line cannot drift apart. Beside the steps and the result it carries the
 * result in the three layouts ({@code "layouts":{"numerator":..,"denominator":..,"mixed":..}},
 * each simplified by {@link Layouts}) and the NumPy module of {@code --format numpy}
 * ({@code "numpy"}, null for a result with an abstract function).
 */
public final class DeriveJson {
    private DeriveJson() {}

    /** The derivation as {@code mcd derive --format json} prints it (without the final newline). */
    public static String of(VerifiedDerive.Result r) {
        return of(r, Naming.choose(r.derivation(), java.util.Map.of(), true));
    }

    /** The same with the named subexpressions chosen by the caller (e.g. none for --no-auto-names). */
    public static String of(VerifiedDerive.Result r, Naming.Names names) {
        Map<String, Object> m = derivedPart(r.derivation(), names);
        m.putAll(checkedPart(r));
        return Json.write(m);
    }

    /**
     * The first of derive.html's two answers, before the verification: the document's fields up to and
     * with the result ({@code expr ... steps, result}), e.g. {@code {"expr":"x'*x",...,"result":{"text":"2*x'",...}}}.
     * {@link #join}ed with {@link #checked} it is {@link #of}'s document.
     */
    public static String derived(VerifiedDerive.Derived d) {
        return Json.write(derivedPart(d.derivation(), Naming.choose(d.derivation(), java.util.Map.of(), true)));
    }

    /** The second answer: the fields after the result, {@code {"layouts":{...},"numpy":...,"verification":{...}}}. */
    public static String checked(VerifiedDerive.Result r) {
        return Json.write(checkedPart(r));
    }

    /** Two JSON objects as one, the first's fields first: {@code join("{\"a\":1}", "{\"b\":2}")} is {@code {"a":1,"b":2}}. */
    public static String join(String first, String second) {
        return first.substring(0, first.length() - 1) + "," + second.substring(1);
    }

    /**
     * The error of a refused request, e.g. {@code {"error":{"part":"expr","line":1,"column":7,...}}};
     * {@code rendered} is the CLI's message with the source line and caret.
     */
    public static String error(VerifiedDerive.RequestException e) {
        ExprException x = e.error();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("part", e.part().name().toLowerCase(Locale.ROOT));
        m.put("where", where(e.part()));
        m.put("line", x.pos().line());
        m.put("column", x.pos().column());
        m.put("message", x.reason());
        m.put("sourceLine", x.sourceLine());
        m.put("rendered", x.render());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", m);
        return Json.write(doc);
    }

    /** How the command line names the field an error is in, e.g. "in --wrt". */
    public static String where(VerifiedDerive.Part part) {
        return switch (part) {
            case EXPR, EXPECT -> "in the expression";
            case WRT -> "in --wrt";
            case WHERE -> "in --where";
        };
    }

    private static Map<String, Object> printed(Expr e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", TextPrinter.print(e));
        m.put("latex", LatexPrinter.print(e));
        return m;
    }

    /** The module of {@code mcd derive --format numpy}, or null when the result has none (an abstract function). */
    private static String numpy(VerifiedDerive.Result r) {
        try {
            return NumpyModule.of(r.derivation(), r.shapes().variables());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> derivedPart(Derivation d, Naming.Names names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expr", TextPrinter.print(d.function()));
        m.put("wrt", d.wrt().name());
        m.put("form", d.form().name().toLowerCase(Locale.ROOT));
        m.put("readOffEquation", d.form().equation());
        m.put("start", printed(names.apply(d.start())));
        List<Object> named = new ArrayList<>();
        for (Naming.Name nm : names.list()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", nm.var().name());
            one.put("text", TextPrinter.print(nm.definition()));
            one.put("latex", LatexPrinter.print(nm.definition()));
            one.put("expanded", TextPrinter.print(nm.full()));
            named.add(one);
        }
        m.put("names", named);
        List<Object> steps = new ArrayList<>();
        for (Step s : d.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("text", TextPrinter.print(names.apply(s.rhs())));
            step.put("latex", LatexPrinter.print(names.apply(s.rhs())));
            step.put("rule", s.rule());
            step.put("equations", s.equations());
            step.put("facts", s.facts());
            step.put("justification", Justification.of(s, Justification.Style.CITED));
            steps.add(step);
        }
        m.put("steps", steps);
        Map<String, Object> result = printed(d.result());
        result.put("named", TextPrinter.print(names.apply(d.result())));
        m.put("result", result);
        return m;
    }

    private static Map<String, Object> checkedPart(VerifiedDerive.Result r) {
        Derivation d = r.derivation();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> layouts = new LinkedHashMap<>();
        layouts.put("numerator", printed(d.result()));
        layouts.put("denominator", printed(Layouts.denominator(d)));
        layouts.put("mixed", printed(Layouts.mixed(d)));
        m.put("layouts", layouts);
        m.put("numpy", numpy(r));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("points", r.report().points());
        v.put("maxStepError", r.report().maxStepError());
        v.put("maxIdentificationError", r.report().maxIdentificationError());
        v.put("maxFiniteDifferenceError", r.report().maxFiniteDifferenceError());
        v.put("summary", r.report().summary());
        m.put("verification", v);
        return m;
    }
}
