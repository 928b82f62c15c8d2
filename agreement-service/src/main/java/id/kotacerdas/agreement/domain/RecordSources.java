package id.kotacerdas.agreement.domain;

import java.util.List;

/** The sources of a correction or a withdrawal as stored (a JSON column: {@code {"items": [...]}}). */
public record RecordSources(List<MouDocument.Source> items) {

    public static RecordSources of(List<MouDocument.Source> items) {
        return new RecordSources(items == null ? List.of() : List.copyOf(items));
    }

    public static List<MouDocument.Source> itemsOf(RecordSources sources) {
        return sources == null || sources.items() == null ? List.of() : sources.items();
    }
}
