package dev.mcd.site.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Records of strings, ints, booleans, lists and records as YAML and back, e.g.
 * {@code CheckedChain(List.of("a = a"), "ok")} as {@code linesTex: [a = a]} and
 * {@code verification: ok}: the derivation cache's entries and keys, so that a new component of a
 * request or an answer is stored and keyed without a hand-written format to keep in step.
 */
public final class RecordCodec {
    private RecordCodec() {}

    public static String encode(Record r) {
        return new Dump(DumpSettings.builder().build()).dumpToString(tree(r));
    }

    /** The record of {@code type} that {@link #encode} wrote; throws on any text it did not write. */
    public static <R extends Record> R decode(String yaml, Class<R> type) {
        return type.cast(value(new Load(LoadSettings.builder().build()).loadFromString(yaml), type));
    }

    private static Object tree(Object v) {
        return switch (v) {
            case Record r -> {
                var m = new LinkedHashMap<String, Object>();
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        m.put(c.getName(), tree(c.getAccessor().invoke(r)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                yield m;
            }
            case List<?> l -> l.stream().map(RecordCodec::tree).toList();
            case String s -> s;
            case Integer i -> i;
            case Boolean b -> b;
            default -> throw new IllegalArgumentException("cannot encode " + v.getClass());
        };
    }

    private static Object value(Object yaml, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            var out = new ArrayList<>();
            for (Object e : (List<?>) yaml) {
                out.add(value(e, p.getActualTypeArguments()[0]));
            }
            return out;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            var m = (Map<?, ?>) yaml;
            RecordComponent[] cs = c.getRecordComponents();
            var types = new Class<?>[cs.length];
            var args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                if (!m.containsKey(cs[i].getName())) {
                    throw new IllegalArgumentException("no " + cs[i].getName());
                }
                args[i] = value(m.get(cs[i].getName()), cs[i].getGenericType());
            }
            try {
                Constructor<?> k = c.getDeclaredConstructor(types);
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(e);
            }
        }
        if (type == String.class || type == int.class || type == Integer.class || type == boolean.class
                || type == Boolean.class) {
            return boxed(type).cast(yaml);
        }
        throw new IllegalArgumentException("cannot decode " + type);
    }

    private static Class<?> boxed(Type t) {
        return t == int.class ? Integer.class : t == boolean.class ? Boolean.class : (Class<?>) t;
    }
}
