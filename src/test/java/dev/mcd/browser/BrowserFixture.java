package dev.mcd.browser;

import dev.mcd.site.katex.KatexException;
import dev.mcd.site.katex.KatexRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A two-page site in the theme's markup (see the contract at the top of mcd.css) with real
 * KaTeX output, e.g. {@code build(target/browser-fixture, project)} writes index.html,
 * derivation.html, search-index.json and assets/; stands in for site-output/ until the pipeline exists.
 */
final class BrowserFixture {
    static final String DERIVATION_PAGE = "derivation.html";

    private BrowserFixture() {
    }

    static Path build(Path out, Path projectRoot) throws IOException, KatexException {
        Files.createDirectories(out.resolve("assets"));
        for (String name : new String[] {"mcd.css", "mcd.js"}) {
            Files.copy(projectRoot.resolve("templates/assets").resolve(name), out.resolve("assets").resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        KatexRenderer.copyAssets(out.resolve("assets/katex"));
        try (var k = new KatexRenderer(projectRoot.resolve("target/katex-cache"))) {
            Files.writeString(out.resolve("index.html"), page("Matrix calculus via differentials", "index.html", """
                    <h1>Matrix calculus via differentials</h1>
                    <p class="description">Derivatives of matrix functions, read off from differentials.</p>
                    <h2 id="idea">The idea</h2>
                    <p>For a scalar function %s of a matrix, write the differential as %s and read the
                    gradient off the trace.</p>
                    %s
                    <h2 id="product-rule">Product rule</h2>
                    <div class="identity" id="eq:product-rule"><div class="identity-math">%s</div><span class="eq-number">(10)</span></div>
                    <p>See the <a href="derivation.html">worked derivation</a>.</p>
                    """.formatted(k.render("f(X)", false), k.render("\\mathrm{d}f = \\operatorname{tr}(G\\,\\mathrm{d}X)", false),
                    k.render("\\frac{\\partial f}{\\partial X} = G^\\top", true),
                    k.render("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y", true))));
            Files.writeString(out.resolve(DERIVATION_PAGE), page("Quadratic forms", DERIVATION_PAGE, """
                    <h1>Quadratic forms</h1>
                    <h2 id="derivation">Derivation</h2>
                    <section class="derivation" id="ex:quadratic-form">
                      <p class="derivation-goal">%s with respect to %s</p>
                      <ol class="steps">
                        <li class="step"><span class="lhs">%s</span><span class="rel">=</span><span class="rhs">%s</span><span class="why"><a href="index.html#eq:product-rule">eq. (10)</a></span></li>
                        <li class="step"><span class="lhs"></span><span class="rel">=</span><span class="rhs">%s</span><span class="why">scalar transpose</span></li>
                        <li class="step"><span class="lhs"></span><span class="rel">=</span><span class="rhs">%s</span><span class="why">collect terms</span></li>
                      </ol>
                      <div class="result">%s <span class="verified" tabindex="0" title="Checked numerically at 3 random points (steps to 1e-9, finite differences to 1e-6)">verified</span></div>
                    </section>
                    <h2 id="identities">Identities used</h2>
                    <table class="identities"><tr><td class="eq-number">(10)</td><td class="name">product rule</td><td>%s</td></tr></table>
                    <pre><code>grad = (A + A.T) @ x</code></pre>
                    """.formatted(k.render("f(\\mathbf{x}) = \\mathbf{x}^\\top A\\mathbf{x}", false), k.render("\\mathbf{x}", false),
                    k.render("\\mathrm{d}f", false), k.render("\\mathrm{d}\\mathbf{x}^\\top A\\mathbf{x} + \\mathbf{x}^\\top A\\,\\mathrm{d}\\mathbf{x}", false),
                    k.render("\\mathbf{x}^\\top A^\\top\\mathrm{d}\\mathbf{x} + \\mathbf{x}^\\top A\\,\\mathrm{d}\\mathbf{x}", false),
                    k.render("\\mathbf{x}^\\top (A + A^\\top)\\,\\mathrm{d}\\mathbf{x}", false),
                    k.render("\\frac{\\partial f}{\\partial \\mathbf{x}} = \\mathbf{x}^\\top (A + A^\\top)", true),
                    k.render("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y", false))));
        }
        Files.writeString(out.resolve("search-index.json"), """
                [{"title":"Matrix calculus via differentials","url":"index.html","headings":["The idea","Product rule"],
                  "text":"For a scalar function of a matrix, write the differential and read the gradient off the trace."},
                 {"title":"Quadratic forms","url":"derivation.html","headings":["Derivation","Identities used"],
                  "text":"The gradient of the quadratic form x'Ax is x'(A + A'), by the product rule and a scalar transpose."}]
                """);
        return out;
    }

    private static String page(String title, String self, String article) {
        String nav = """
                <li><a href="index.html"%s>Introduction</a></li>
                <li><a href="derivation.html"%s>Quadratic forms</a></li>""".formatted(
                self.equals("index.html") ? " aria-current=\"page\"" : "", self.equals(DERIVATION_PAGE) ? " aria-current=\"page\"" : "");
        return """
                <!DOCTYPE html>
                <html lang="en" data-root="">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="assets/katex/katex.min.css">
                <link rel="stylesheet" href="assets/mcd.css">
                <script src="assets/mcd.js"></script>
                </head>
                <body>
                <a class="skip-link" href="#content">Skip to content</a>
                <header class="site-header">
                  <button id="nav-toggle" type="button" aria-controls="site-nav" aria-expanded="false">Chapters</button>
                  <a class="site-title" href="index.html">Matrix calculus</a>
                  <div class="search" role="search">
                    <input id="search-input" type="search" placeholder="Search" autocomplete="off" aria-label="Search">
                    <ol id="search-results" hidden></ol>
                  </div>
                  <button id="theme-toggle" type="button" aria-label="Switch colour theme"></button>
                </header>
                <div class="layout">
                  <nav id="site-nav" class="site-nav" aria-label="Chapters"><ol>
                %s
                  </ol></nav>
                  <main id="content" class="content"><article>
                %s
                  </article></main>
                  <aside class="page-toc" aria-label="On this page"></aside>
                </div>
                <footer class="site-footer">Every derivation on this site is checked numerically.</footer>
                </body>
                </html>
                """.formatted(title, nav, article);
    }
}
