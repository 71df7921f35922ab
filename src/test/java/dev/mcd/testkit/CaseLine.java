package dev.mcd.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One case of a test data file, as {@link CaseFile} read it: the stripped text, where it is, and the
 * declarations of the {@code where:} header above it ("" when there is none), e.g. the line
 * {@code tr(A*X*B) | X | A: matrix | B*A} split by {@code fields(" | ", 4)}.
 *
 * @param file   the file's name as the tests name it, e.g. {@code calculus/identity-cases.txt}
 * @param number the 1-based line number, so that a failing case says where it is written
 * @param text   the line without leading and trailing blanks
 * @param where  the text after the nearest {@code where:} header above the line
 */
public record CaseLine(String file, int number, String text, String where) {

    /** The text split at every {@code separator} into exactly {@code count} stripped fields. */
    public List<String> fields(String separator, int count) {
        return fields(separator, count, count);
    }

    /** The text split at every {@code separator} into {@code min} to {@code max} stripped fields. */
    public List<String> fields(String separator, int min, int max) {
        List<String> out = Arrays.stream(padded().split(Pattern.quote(separator), -1)).map(String::strip).toList();
        if (out.size() < min || out.size() > max) {
            throw error("expected " + (min == max ? "" + min : min + " to " + max) + " fields separated by '"
                    + separator.strip() + "', got " + out.size());
        }
        return out;
    }

    /** A field of this line, to be split further, e.g. {@code c.part(c.fields(" => ", 2).get(1)).fields(" | ", 1, 2)}. */
    public CaseLine part(String field) {
        return new CaseLine(file, number, field, where);
    }

    /** Whether the text contains {@code separator}. */
    public boolean has(String separator) {
        return padded().contains(separator);
    }

    /** The text between two spaces, so that an empty first or last field still meets its separator (" !! 1:1 ..."). */
    private String padded() {
        return " " + text + " ";
    }

    /** A problem with this line of the data file (not with the code under test), naming file and line. */
    public IllegalStateException error(String message) {
        return new IllegalStateException(this.at() + ": " + message);
    }

    /** {@code file:line}, e.g. {@code verify/identities.txt:12}. */
    public String at() {
        return file + ":" + number;
    }

    /** What a parameterised test shows and a failure names: {@code identities.txt:12: d(X') = d(X)'}. */
    @Override
    public String toString() {
        return file.substring(file.lastIndexOf('/') + 1) + ":" + number + ": " + text;
    }
}
