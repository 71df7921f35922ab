package dev.mcd.site.render;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * TeX that the renderer rejects, e.g. "KaTeX parse error: Expected '}' ... at position 4";
 * the site maps the position (1-based, into the TeX) to file:line:col when the message has one.
 */
public class MathException extends Exception {
    private static final Pattern AT_POSITION = Pattern.compile("at position (\\d+)");
    /** KaTeX appends ": " and the TeX around the error (with newlines and U+0332 underlines) after these. */
    private static final Pattern PLACE = Pattern.compile("at position \\d+|at end of input");

    public MathException(String message) {
        super(message);
    }

    /** The 1-based offset into the TeX that KaTeX reports as "at position N", if any. */
    public OptionalInt texPosition() {
        var m = AT_POSITION.matcher(String.valueOf(getMessage()));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Whether the TeX ended too early (e.g. an unclosed brace), so the error is at its end. */
    public boolean atEndOfInput() {
        return texPosition().isEmpty() && String.valueOf(getMessage()).contains("at end of input");
    }

    /**
     * The message on one line without KaTeX's excerpt of the TeX, which the caret under the
     * source line shows better, e.g. "KaTeX parse error: Undefined control sequence: \bad at position 5".
     */
    public String summary() {
        String msg = String.valueOf(getMessage());
        var m = PLACE.matcher(msg);
        if (m.find()) {
            msg = msg.substring(0, m.end());
        }
        return msg.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
