package dev.mcd.site.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;

/**
 * Records of strings, ints, booleans, lists and records as text and back: the derivation cache's
 * entries and keys, so that a new component of a request or an answer is stored and keyed without
 * a hand-written format to keep in step. Every value carries its kind and every string its length,
 * e.g. {@code CheckedChain(List.of("a = a"), "ok")} is
 * {@code r2:s8:linesTexl1:s5:a = as12:verifications2:ok}:
 * <ul>
 *   <li>{@code s<n>:} then n UTF-16 chars — a string (any text, no escaping);</li>
 *   <li>{@code i<digits>;} — an int; {@code t} / {@code f} — a boolean;</li>
 *   <li>{@code l<n>:} then n values — a list;</li>
 *   <li>{@code r<n>:} then n pairs of a name (a string) and a value — a record, in component order.</li>
 * </ul>
 * It replaced YAML: a warm build reads and keys about 190 entries, and SnakeYAML's parser and emitter
 * were a third of that build's own CPU time (JFR, issue 14).
 */
public final class RecordCodec {
    private RecordCodec() {}

    public static String encode(Record r) {
        var sb = new StringBuilder(256);
        write(sb, r);
        return sb.toString();
    }

    /** The record of {@code type} that {@link #encode} wrote; throws on any text it did not write. */
    public static <R extends Record> R decode(String text, Class<R> type) {
        var in = new Reader(text);
        Object value = in.value(type);
        if (in.at != text.length()) {
            throw new IllegalArgumentException("text after the record at " + in.at);
        }
        return type.cast(value);
    }

    private static void write(StringBuilder sb, Object v) {
        switch (v) {
            case Record r -> {
                RecordComponent[] cs = r.getClass().getRecordComponents();
                sb.append('r').append(cs.length).append(':');
                for (RecordComponent c : cs) {
                    write(sb, c.getName());
                    try {
                        write(sb, c.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            case java.util.List<?> l -> {
                sb.append('l').append(l.size()).append(':');
                l.forEach(e -> write(sb, e));
            }
            case String s -> sb.append('s').append(s.length()).append(':').append(s);
            case Integer i -> sb.append('i').append(i.intValue()).append(';');
            case Boolean b -> sb.append(b ? 't' : 'f');
            default -> throw new IllegalArgumentException("cannot encode " + v.getClass());
        }
    }

    /** Reads values of known types from {@code text}, refusing anything {@link #write} would not have written. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object value(Type type) {
            if (type instanceof ParameterizedType p && p.getRawType() == java.util.List.class) {
                int n = count('l', ':');
                var out = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    out.add(value(p.getActualTypeArguments()[0]));
                }
                return out;
            }
            if (type instanceof Class<?> c && c.isRecord()) {
                return record(c);
            }
            if (type == String.class) {
                return string();
            }
            if (type == int.class || type == Integer.class) {
                return count('i', ';');
            }
            if (type == boolean.class || type == Boolean.class) {
                char k = next();
                if (k != 't' && k != 'f') {
                    throw refused("a boolean");
                }
                return k == 't';
            }
            throw new IllegalArgumentException("cannot decode " + type);
        }

        private Object record(Class<?> c) {
            RecordComponent[] cs = c.getRecordComponents();
            if (count('r', ':') != cs.length) {
                throw refused(cs.length + " components of " + c.getSimpleName());
            }
            var types = new Class<?>[cs.length];
            var args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                if (!string().equals(cs[i].getName())) {
                    throw refused("component " + cs[i].getName());
                }
                types[i] = cs[i].getType();
                args[i] = value(cs[i].getGenericType());
            }
            try {
                Constructor<?> k = c.getDeclaredConstructor(types);
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(e);
            }
        }

        private String string() {
            int n = count('s', ':');
            if (n > text.length() - at) {
                throw refused("a string of " + n + " characters");
            }
            String s = text.substring(at, at + n);
            at += n;
            return s;
        }

        /** {@code kind}, an optionally negative decimal int, then {@code end}. */
        private int count(char kind, char end) {
            if (next() != kind) {
                throw refused("'" + kind + "'");
            }
            int start = at;
            if (at < text.length() && text.charAt(at) == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) {
                at++;
            }
            int n;
            try {
                n = Integer.parseInt(text, start, at, 10);
            } catch (NumberFormatException e) {
                throw refused("a number");
            }
            if (next() != end || (kind != 'i' && n < 0)) {
                throw refused("'" + end + "' after a count");
            }
            return n;
        }

        private char next() {
            if (at >= text.length()) {
                throw refused("more text");
            }
            return text.charAt(at++);
        }

        private IllegalArgumentException refused(String expected) {
            return new IllegalArgumentException("expected " + expected + " at " + at);
        }
    }
}
