package dev.mcd.expr;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Read-only views of sorted collections, e.g. {@code Sorted.set(new TreeSet<>(names))}: what
 * {@code Collections.unmodifiableSortedSet/Map} do, written out because TeaVM's class library (the
 * engine compiled for the browser, dev.mcd.web) lacks those two methods.
 */
public final class Sorted {
    private Sorted() {}

    public static <E> SortedSet<E> set(SortedSet<E> s) {
        return new SetView<>(s);
    }

    public static <K, V> SortedMap<K, V> map(SortedMap<K, V> m) {
        return new MapView<>(m);
    }

    private static <E> Iterator<E> readOnly(Iterator<E> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                return it.next();
            }
        };
    }

    private static final class SetView<E> extends AbstractSet<E> implements SortedSet<E> {
        private final SortedSet<E> s;

        SetView(SortedSet<E> s) {
            this.s = s;
        }

        @Override public Iterator<E> iterator() { return readOnly(s.iterator()); }
        @Override public int size() { return s.size(); }
        @Override public boolean contains(Object o) { return s.contains(o); }
        @Override public Comparator<? super E> comparator() { return s.comparator(); }
        @Override public SortedSet<E> subSet(E from, E to) { return new SetView<>(s.subSet(from, to)); }
        @Override public SortedSet<E> headSet(E to) { return new SetView<>(s.headSet(to)); }
        @Override public SortedSet<E> tailSet(E from) { return new SetView<>(s.tailSet(from)); }
        @Override public E first() { return s.first(); }
        @Override public E last() { return s.last(); }
    }

    private static final class MapView<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
        private final SortedMap<K, V> m;

        MapView(SortedMap<K, V> m) {
            this.m = m;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            // entries are copied as they are read, so setValue cannot reach the map
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    Iterator<Map.Entry<K, V>> it = m.entrySet().iterator();
                    return readOnly(new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<K, V> next() {
                            Map.Entry<K, V> e = it.next();
                            return new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue());
                        }
                    });
                }

                @Override
                public int size() {
                    return m.size();
                }
            };
        }

        @Override public int size() { return m.size(); }
        @Override public V get(Object key) { return m.get(key); }
        @Override public boolean containsKey(Object key) { return m.containsKey(key); }
        @Override public Comparator<? super K> comparator() { return m.comparator(); }
        @Override public SortedMap<K, V> subMap(K from, K to) { return new MapView<>(m.subMap(from, to)); }
        @Override public SortedMap<K, V> headMap(K to) { return new MapView<>(m.headMap(to)); }
        @Override public SortedMap<K, V> tailMap(K from) { return new MapView<>(m.tailMap(from)); }
        @Override public K firstKey() { return m.firstKey(); }
        @Override public K lastKey() { return m.lastKey(); }
    }
}
