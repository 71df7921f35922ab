package dev.mcd.site.directive;

import dev.mcd.site.render.Checks;
import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService.ChainRequest;
import dev.mcd.site.engine.DerivationService.CheckedChain;
import dev.mcd.site.directive.Body.Line;
import dev.mcd.site.directive.Directive.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ```steps}: a chain of equal expressions the author writes, one a line, each with an
 * optional {@code # justification}; the engine checks each link numerically. For proofs the engine
 * does not produce by itself (PCA, chain-rule proofs).
 */
public final class StepsDirective implements DirectiveKind<StepsDirective.Steps> {
    /** Every chain has an {@code id}: its anchor and permalink, like a derive block's. */
    private static final List<String> KEYS = List.of("where?", "id", "title?", "fixed?");
    private static final List<String> NAMES = KEYS.stream().map(k -> k.replace("?", "")).toList();

    /** One link of a chain: {@code lhs = rhs}, {@code = rhs} or an expression, with its why. */
    public record ChainLine(Value expr, Value justification) {}

    /** {@code fixed} (optional) lists names held constant in the chain, so that their differential is 0. */
    public record Steps(int offset, Value id, Optional<Value> where, List<ChainLine> lines,
                        Optional<Value> title, Optional<Value> fixed) implements Directive {
        public Steps {
            lines = List.copyOf(lines);
        }
    }

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public Optional<Steps> parse(Body body) {
        var head = new ArrayList<Line>();
        var chain = new ArrayList<ChainLine>();
        for (Line line : body.lines()) {
            var m = Body.KEY.matcher(line.text());
            if (line.text().isBlank()) {
                continue;
            }
            if (chain.isEmpty() && m.lookingAt() && NAMES.contains(m.group(1))) {
                head.add(line);
                continue;
            }
            int hash = line.text().indexOf('#');
            String expr = hash < 0 ? line.text() : line.text().substring(0, hash);
            String why = hash < 0 ? "" : line.text().substring(hash + 1);
            if (expr.isBlank()) {
                continue; // a comment line: '# ...' with nothing before it
            }
            int whyAt = hash < 0 ? line.offset() + line.text().length() : line.offset() + hash + 1 + Body.leading(why);
            chain.add(new ChainLine(new Value(expr.strip(), line.offset() + Body.leading(expr)), new Value(why.strip(), whyAt)));
        }
        var keys = body.keys(head, KEYS);
        if (chain.isEmpty()) {
            body.problem(body.offset(), "steps needs at least one line 'lhs = rhs'");
            return Optional.empty();
        }
        return keys.map(k -> new Steps(body.offset(), k.get("id"), Optional.ofNullable(k.get("where")),
                chain, Optional.ofNullable(k.get("title")), Optional.ofNullable(k.get("fixed"))));
    }

    @Override
    public Optional<Numbered> numbered(Steps d) {
        return Optional.of(new Numbered(d.id(), d.title()));
    }

    @Override
    public Optional<Value> valueOf(Steps d, DerivationException e) {
        return switch (e.key()) {
            case "where" -> d.where();
            case "fixed" -> d.fixed();
            case "line" -> e.index() < d.lines().size() ? Optional.of(d.lines().get(e.index()).expr()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    @Override
    public Rendered render(Steps d, RenderContext c) throws DerivationException {
        var lines = d.lines().stream().map(l -> l.expr().text()).toList();
        CheckedChain checked = c.engine().checkChain(new ChainRequest(d.where().map(Value::text).orElse(""), lines,
                d.fixed().map(Value::text).orElse("")));
        int links = (int) lines.stream().flatMapToInt(String::chars).filter(ch -> ch == '=').count();
        String what = "chain " + d.id().text();
        String mark = links == 0
                ? c.checks().marked(Checks.Kind.CHAIN, what, "no equality to check: the chain has no '='", d.offset())
                : c.checks().checked(Checks.Kind.CHAIN, what, checked.verification(), d.offset(), links);
        var sb = new StringBuilder();
        String label = c.open(sb, "derivation chain", d.id());
        sb.append("<p class=\"derivation-goal\">").append(label).append(mark).append("</p>\n");
        sb.append("<ol class=\"steps\">\n");
        String first = "";
        for (int i = 0; i < d.lines().size(); i++) {
            var line = d.lines().get(i);
            String tex = checked.linesTex().get(i);
            int eq = tex.indexOf(" = ");
            String lhsTex = eq < 0 ? tex : tex.substring(0, eq);
            String rhsTex = eq < 0 ? "" : tex.substring(eq + 3);
            int at = line.expr().offset();
            String lhs = lhsTex.isBlank() ? "" : c.math().generated("\\displaystyle " + lhsTex, false, at);
            String rhs = rhsTex.isBlank() ? "" : c.math().generated("\\displaystyle " + rhsTex, false, at);
            // In the index of examples a chain is named by where it starts, "lhs = …": its whole
            // first line can be longer than the rest of an entry and a page of 180 entries together.
            first = i == 0 ? c.math().generated(rhsTex.isBlank() ? lhsTex : lhsTex + " = \\dots", false, at) : first;
            if (rhsTex.isBlank()) {
                sb.append("<li class=\"step\"><span class=\"lhs scroll-x\">").append(lhs)
                        .append("</span><span class=\"rel\"></span><span class=\"rhs\"></span><span class=\"why\">")
                        .append(c.withReferences(line.justification())).append("</span></li>\n");
            } else {
                RenderContext.step(sb, lhs, rhs, c.withReferences(line.justification()));
            }
        }
        sb.append("</ol>\n</div>\n");
        return new Rendered(sb.toString(), c.example(d.id(), first, "", ""));
    }
}
