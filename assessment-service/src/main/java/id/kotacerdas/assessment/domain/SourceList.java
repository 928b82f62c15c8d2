package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.record.Source;
import java.util.List;

/**
 * The sources of a recorded fact, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level
 * arrays).
 */
public record SourceList(List<Source> items) {

    public SourceList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static SourceList of(List<Source> sources) {
        return sources == null || sources.isEmpty() ? null : new SourceList(sources);
    }

    /** The list, empty for none. */
    public static List<Source> items(SourceList list) {
        return list == null ? List.of() : list.items();
    }
}
