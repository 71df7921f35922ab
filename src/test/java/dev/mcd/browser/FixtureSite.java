package dev.mcd.browser;

import dev.mcd.site.katex.KatexException;
import dev.mcd.site.katex.KatexRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A two-page site in the markup of templates/layout.ftlh and the site's DirectiveHtml, with real
 * KaTeX output, e.g. {@code build(target/browser-fixture, project)} writes index.html,
 * derivation.html, search-index.json and assets/; stands in for site-output/ when none is built
 * ({@link BrowserFixture#siteOrFixture()}).
 */
final class FixtureSite {
    static final String DERIVATION_PAGE = "derivation.html";

    private FixtureSite() {
    }

    static Path build(Path out, Path projectRoot) throws IOException, KatexException {
        Files.createDirectories(out.resolve("assets"));
        for (String name : new String[] {"mcd.css", "mcd.js"}) {
            Files.copy(projectRoot.resolve("templates/assets").resolve(name), out.resolve("assets").resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        KatexRenderer.copyAssets(out.resolve("katex"));
        try (var k = new KatexRenderer(projectRoot.resolve("target/katex-cache"))) {
            Files.writeString(out.resolve("index.html"), page("Matrix calculus via differentials", "index.html", """
                    <h1>Matrix calculus via differentials</h1>
                    <p class="description">Derivatives of matrix functions, read off from differentials.</p>
                    <h2 id="idea">The idea</h2>
                    <p>For a scalar function %s of a matrix, write the differential as %s and read the
                    gradient off the trace.</p>
                    %s
                    <h2 id="product-rule">Product rule</h2>
                    <div class="identity" id="eq:product-rule"><div class="identity-math">%s</div><div class="identity-name"><a class="ref" href="#eq:product-rule">eq. (10)</a> product rule <span class="verified" title="checked at 3 random points">✓ verified</span></div></div>
                    <p>See the <a href="derivation.html">worked derivation</a>.</p>
                    """.formatted(k.render("f(X)", false), k.render("\\mathrm{d}f = \\operatorname{tr}(G\\,\\mathrm{d}X)", false),
                    k.render("\\frac{\\partial f}{\\partial X} = G^\\top", true),
                    k.render("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y \\tag{10}", true))));
            String step1 = k.render("\\mathrm{d}f = \\mathrm{d}\\mathbf{x}^\\top A\\mathbf{x} + \\mathbf{x}^\\top A\\,\\mathrm{d}\\mathbf{x}", true);
            String step2 = k.render("\\phantom{\\mathrm{d}f} = \\mathbf{x}^\\top A^\\top\\mathrm{d}\\mathbf{x} + \\mathbf{x}^\\top A\\,\\mathrm{d}\\mathbf{x}", true);
            String step3 = k.render("\\phantom{\\mathrm{d}f} = \\mathbf{x}^\\top (A + A^\\top)\\,\\mathrm{d}\\mathbf{x}", true);
            String verified = "<span class=\"verified\" tabindex=\"0\" title=\"Checked numerically at 3 random points (steps to 1e-9, finite differences to 1e-6)\">✓ verified</span>";
            Files.writeString(out.resolve(DERIVATION_PAGE), page("Quadratic forms", DERIVATION_PAGE, """
                    <h1>Quadratic forms</h1>
                    <nav class="toc" aria-label="On this page">
                      <p class="toc-title">On this page</p>
                      <ul>
                        <li class="toc-2"><a href="#derivation">Derivation</a></li>
                        <li class="toc-2"><a href="#identities">Identities used</a></li>
                      </ul>
                    </nav>
                    <h2 id="derivation">Derivation<a class="heading-anchor" href="#derivation" aria-label="Link to this section">#</a></h2>
                    <div class="derivation" id="ex:quadratic-form">
                    <div class="derivation-head"><a class="example-label" href="#ex:quadratic-form">Example 1.</a> Differentiate %s with respect to %s. %s</div>
                    <ol class="derivation-steps">
                    <li class="step"><div class="step-math">%s</div><div class="step-why">product rule, by <a class="ref" href="index.html#eq:product-rule">eq. (10)</a></div></li>
                    <li class="step"><div class="step-math">%s</div><div class="step-why">scalar transpose</div></li>
                    <li class="step"><div class="step-math">%s</div><div class="step-why">collect terms</div></li>
                    </ol>
                    <div class="derivation-result"><div class="step-math">%s</div><div class="step-why">read off with <a class="ref" href="index.html#eq:product-rule">eq. (2)</a></div></div>
                    </div>
                    <h2 id="identities">Identities used<a class="heading-anchor" href="#identities" aria-label="Link to this section">#</a></h2>
                    <table class="identities" data-group="rules">
                    <thead><tr><th>No.</th><th>Name</th><th>Identity</th><th>Check</th></tr></thead>
                    <tbody>
                    <tr><td class="eq-number"><a href="index.html#eq:product-rule">(10)</a></td><td>product rule</td><td>%s</td><td>%s</td></tr>
                    </tbody>
                    </table>
                    <pre><code>grad = (A + A.T) @ x</code></pre>
                    """.formatted(k.render("f(\\mathbf{x}) = \\mathbf{x}^\\top A\\mathbf{x}", false), k.render("\\mathbf{x}", false), verified,
                    step1, step2, step3,
                    k.render("\\frac{\\partial f}{\\partial \\mathbf{x}} = \\mathbf{x}^\\top (A + A^\\top)", true),
                    k.render("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y", false), verified)));
        }
        Files.writeString(out.resolve("search-index.json"), """
                [{"title":"Matrix calculus via differentials","url":"index.html","headings":["The idea","Product rule"],
                  "text":"For a scalar function of a matrix, write the differential and read the gradient off the trace."},
                 {"title":"Quadratic forms","url":"derivation.html","headings":["Derivation","Identities used"],
                  "text":"The gradient of the quadratic form x'Ax is x'(A + A'), by the product rule and a scalar transpose."}]
                """);
        return out;
    }

    /** The frame of templates/layout.ftlh and page.ftlh (scripts at the end of body, as there). */
    private static String page(String title, String self, String article) {
        String nav = """
                    <li%s><a href="index.html"%s>Introduction</a></li>
                    <li%s><a href="derivation.html"%s>Quadratic forms</a></li>""".formatted(
                current(self, "index.html", " class=\"current\""), current(self, "index.html", " aria-current=\"page\""),
                current(self, DERIVATION_PAGE, " class=\"current\""), current(self, DERIVATION_PAGE, " aria-current=\"page\""));
        return """
                <!DOCTYPE html>
                <html lang="en" data-theme="light">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Matrix calculus</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="katex/katex.min.css">
                <link rel="stylesheet" href="assets/mcd.css">
                </head>
                <body>
                <header class="site-header">
                  <a class="site-title" href="index.html">Matrix calculus</a>
                  <div class="search">
                    <input id="search-input" type="search" placeholder="Search" aria-label="Search" autocomplete="off" data-index="search-index.json">
                    <ul id="search-results" role="listbox" hidden></ul>
                  </div>
                  <button id="theme-toggle" type="button" aria-label="Switch between light and dark theme">◐</button>
                </header>
                <div class="site-body">
                <nav class="sidebar" aria-label="Chapters">
                  <ol>
                %s
                  </ol>
                </nav>
                <main>
                <article class="page">
                %s
                </article>
                </main>
                </div>
                <footer class="site-footer">
                  <p>Every derivation on this site is produced and checked numerically at build time by mcd.</p>
                </footer>
                <script src="assets/mcd.js"></script>
                </body>
                </html>
                """.formatted(title, nav, article);
    }

    private static String current(String self, String page, String text) {
        return self.equals(page) ? text : "";
    }
}
