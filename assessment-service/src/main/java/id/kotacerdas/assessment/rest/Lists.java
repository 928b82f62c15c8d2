package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.web.SortOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order of a list held whole in memory, as its {@code sort} parameter asks: the sort is stable, so items equal
 * in the field keep the list's default order (which is what the list answers without {@code sort}).
 */
final class Lists {

    private Lists() {
    }

    /**
     * {@code all} sorted by the field {@code sort} names ({@code -} in front: descending), {@code all} itself when
     * {@code sort} is absent. {@code sort} was validated against the keys of {@code fields}; nulls sort last.
     */
    static <T> List<T> sorted(List<T> all, String sort, Map<String, Comparator<T>> fields) {
        SortOrder order = SortOrder.parse(sort);
        if (order == null) {
            return all;
        }
        Comparator<T> comparator = fields.get(order.field());
        return all.stream().sorted(order.descending() ? comparator.reversed() : comparator).toList();
    }

    /** Compares by a comparable key, nulls last. */
    static <T, K extends Comparable<? super K>> Comparator<T> by(java.util.function.Function<T, K> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
