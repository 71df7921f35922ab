package dev.mcd.site.render;

import dev.mcd.site.Problem;
import dev.mcd.site.Problems;
import dev.mcd.site.Profile;
import dev.mcd.site.SourceFile;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Stage "layout": a model in, a page out, through {@code templates/<name>.ftlh} (FreeMarker,
 * HTML auto-escaping). A template mistake is a problem at {@code templates/page.ftlh:line:col}.
 */
public final class Templates {
    public static final String DIR = "templates";

    private final Configuration config;
    private final Path dir;

    public Templates(Path root) throws IOException {
        this.dir = root.resolve(DIR);
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDirectoryForTemplateLoading(dir.toFile());
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        // Output must not depend on the machine: fixed locale, zone and number format.
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // Templates may come from a pull request: no ?new (freemarker.template.utility.Execute runs
        // shell commands) and no ?api into Java objects, so a template can only lay out the model.
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
    }

    /**
     * A digest of every file under templates/, paths and bytes: FreeMarker's output is a function of
     * the templates and the model alone (fixed locale, zone and number format), so {@code mcd serve}
     * reuses a page's layout while this and the page's model stay equal.
     */
    public String fingerprint() throws IOException {
        var sha = new dev.mcd.site.Sha256();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.text(dir.relativize(p).toString().replace('\\', '/')).bytes(Files.readAllBytes(p));
            }
        }
        return sha.hex();
    }

    /** The page, or empty after reporting the template problem. */
    public Optional<String> render(String template, PageModel model, Problems problems) {
        long t = Profile.start();
        try {
            var out = new StringWriter();
            config.getTemplate(template).process(model, out);
            return Optional.of(out.toString());
        } catch (ParseException e) {
            problems.add(problem(e.getTemplateName() == null ? template : e.getTemplateName(),
                    e.getLineNumber(), e.getColumnNumber(), oneLine(e.getEditorMessage())));
        } catch (TemplateException e) {
            String name = e.getTemplateSourceName() == null ? template : e.getTemplateSourceName();
            problems.add(problem(name, e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(), firstLines(e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            problems.add(Problem.ofFile(DIR + "/" + template, "cannot read template: " + e.getMessage()));
        } finally {
            Profile.since("templates.render", t);
        }
        return Optional.empty();
    }

    private Problem problem(String name, int line, int column, String message) {
        String path = DIR + "/" + name;
        if (line < 1) {
            return Problem.ofFile(path, message);
        }
        String source = "";
        try {
            source = SourceFile.of(path, Files.readString(dir.resolve(name), StandardCharsets.UTF_8)).line(line);
        } catch (IOException e) {
            // the message alone still says what is wrong
        }
        return new Problem(path, line, Math.max(1, column), message, source);
    }

    /** A parse error lists the expected tokens one a line; a problem is one line, e.g. "Encountered "/", but ... "(" <ID>". */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** FreeMarker's message without its long "tip" and "FTL stack trace" blocks. */
    private static String firstLines(String message) {
        String m = message.strip();
        int cut = m.indexOf("\n\n");
        m = cut < 0 ? m : m.substring(0, cut);
        int tip = m.indexOf("\n----");
        m = tip < 0 ? m : m.substring(0, tip);
        return m.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
