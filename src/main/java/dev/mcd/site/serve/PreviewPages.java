package dev.mcd.site.serve;

import java.util.Locale;

/**
 * HTML the preview adds or makes up, e.g. {@code inject(page, 3)} puts a script ({@value #RELOAD_PATH})
 * before {@code </body>} that reloads the page when a build newer than 3 is announced on
 * {@value #EVENTS_PATH}; {@code errorPage(message, 4)} shows a failed build's text.
 */
final class PreviewPages {
    static final String EVENTS_PATH = "/__mcd/events";
    /** The reload script as a file of the preview, not inline: the site's Content-Security-Policy allows scripts from the site only. */
    static final String RELOAD_PATH = "/__mcd/reload.js";
    static final String RELOAD_JS = "(function(s){if(!window.EventSource)return;var g=s.dataset.generation;"
            + "var e=new EventSource('" + EVENTS_PATH + "');"
            + "e.addEventListener('build',function(m){if(m.data!==g){e.close();location.reload();}});})(document.currentScript);\n";

    private PreviewPages() {
    }

    static String reloadScript(long generation) {
        return "<script src=\"" + RELOAD_PATH + "\" data-generation=\"" + generation + "\"></script>";
    }

    /** Before the last {@code </body>}, or at the end when the page has none. */
    static String inject(String html, long generation) {
        String script = reloadScript(generation);
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return at < 0 ? html + script : html.substring(0, at) + script + html.substring(at);
    }

    static String errorPage(String message, long generation) {
        return page("Build failed", "<h1>Build failed</h1>\n<p>Fix the source and save: this page reloads by itself.</p>\n"
                + "<pre class=\"build-error\">" + escape(message) + "</pre>", generation);
    }

    static String notFoundPage(String path, long generation) {
        return page("Not found", "<h1>Not found</h1>\n<p><code>" + escape(path) + "</code> is not part of the built site.</p>"
                + "\n<p><a href=\"/\">Home</a></p>", generation);
    }

    private static String page(String title, String body, long generation) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title) + " · mcd preview</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
                + ".build-error{white-space:pre-wrap;background:#fff0f0;color:#8a1010;border:2px solid #d33;border-radius:.4rem;padding:1rem;"
                + "font-family:ui-monospace,Menlo,Consolas,monospace}</style>\n</head>\n<body>\n"
                + body + "\n" + reloadScript(generation) + "\n</body>\n</html>\n";
    }

    static String escape(String s) {
        return dev.mcd.site.Html.escape(s);
    }
}
