package dev.mcd.site.directive;

/**
 * One parsed fenced block the site expands, e.g. {@code ```derive} with {@code expr: x'*x} and
 * {@code wrt: x}: a record defined by its {@link DirectiveKind}. Every value remembers its file
 * offset so that errors point into the block.
 */
public interface Directive {
    /** Offset of the opening fence's info string, where "missing key" problems point. */
    int offset();

    /** A value as written (comment removed, trimmed) and the file offset of its first character. */
    record Value(String text, int offset) {}
}
