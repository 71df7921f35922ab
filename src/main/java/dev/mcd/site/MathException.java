package dev.mcd.site;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * TeX that the renderer rejects, e.g. "KaTeX parse error: Expected '}' ... at position 4";
 * the site maps the position (1-based, into the TeX) to file:line:col when the message has one.
 */
public class MathException extends Exception {
    private static final Pattern AT_POSITION = Pattern.compile("at position (\\d+)");

    public MathException(String message) {
        super(message);
    }

    /** The 1-based offset into the TeX that KaTeX reports as "at position N", if any. */
    public OptionalInt texPosition() {
        var m = AT_POSITION.matcher(String.valueOf(getMessage()));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
