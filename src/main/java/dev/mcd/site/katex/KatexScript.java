package dev.mcd.site.katex;

/**
 * The JavaScript that wraps {@code katex.renderToString} with our fixed options, e.g.
 * {@code RENDER_FACTORY(katex)("x^2", false)} gives the HTML string; shared by GraalJS and the
 * Node comparison test so both run the very same options (KaTeX 0.16 API, "Options" docs).
 */
final class KatexScript {
    private KatexScript() {
    }

    /** The KaTeX release inside the webjar; part of every cache key. */
    static final String VERSION = "0.16.47";

    static final String WEBJAR_DIST = "META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    /**
     * An expression: a function of the katex module returning {@code render(tex, display)}.
     * A parse error comes back as a plain object instead of a thrown exception so the Java side
     * gets message and position without unpacking a PolyglotException. Strict-mode warnings
     * throw, so anything LaTeX itself would reject fails the build instead of printing a warning.
     * Commands that need KaTeX's trust (\\href, \\url, \\includegraphics, \\htmlClass, ...) would
     * otherwise render as red error text; the trust callback turns them into an error at the
     * command's position instead, so no link, image or HTML attribute can come from TeX.
     */
    static final String RENDER_FACTORY = """
            (function (katex) {
              'use strict';
              function Untrusted(command) { this.command = command; }
              function options(display) {
                return {
                  displayMode: display,
                  output: 'htmlAndMathml',
                  throwOnError: true,
                  trust: function (context) { throw new Untrusted(String(context.command)); },
                  strict: function (code, message, token) {
                    if (code === 'htmlExtension') {
                      throw new Untrusted(null);
                    }
                    throw new katex.ParseError('strict mode: ' + message + ' [' + code + ']', token);
                  }
                };
              }
              return function (tex, display) {
                try {
                  return katex.renderToString(tex, options(display));
                } catch (e) {
                  if (e instanceof Untrusted) {
                    var m = /\\\\(?:href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![A-Za-z])/.exec(tex);
                    var command = e.command || (m ? m[0] : '\\\\html...');
                    var at = e.command ? tex.indexOf(e.command) : (m ? m.index : 0);
                    return {
                      message: 'KaTeX: ' + command + ' is not allowed (it needs trust: links, images and HTML'
                        + ' attributes in TeX are never published) at position ' + (at + 1),
                      position: at + 1,
                      length: command.length
                    };
                  }
                  if (e instanceof katex.ParseError) {
                    return {
                      message: String(e.message),
                      position: typeof e.position === 'number' ? e.position + 1 : 0,
                      length: typeof e.length === 'number' ? e.length : 0
                    };
                  }
                  throw e;
                }
              };
            })
            """;
}
