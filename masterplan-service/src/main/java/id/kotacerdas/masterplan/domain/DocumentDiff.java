package id.kotacerdas.masterplan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The differences between two versions of a masterplan document, as JSON paths ({@code programmes[2].title}) with
 * the value before and after. Lists are compared position by position; a longer list has its extra items added, a
 * shorter one its missing items removed.
 */
public final class DocumentDiff {

    public enum ChangeKind {
        ADDED, REMOVED, CHANGED
    }

    /** One change: where, what kind, the value before (absent when added) and after (absent when removed). */
    public record Change(String path, ChangeKind kind, JsonNode before, JsonNode after) {

        /** The top-level section the change is in, e.g. {@code programmes}. */
        public String section() {
            int end = path.length();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '.' || c == '[') {
                    end = i;
                    break;
                }
            }
            return path.substring(0, end);
        }
    }

    private DocumentDiff() {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    /** The sections that changed, in document order. */
    public static List<String> sections(List<Change> changes) {
        Set<String> sections = new LinkedHashSet<>();
        changes.forEach(c -> sections.add(c.section()));
        return List.copyOf(sections);
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
        boolean aMissing = a == null || a.isMissingNode() || a.isNull();
        boolean bMissing = b == null || b.isMissingNode() || b.isNull();
        if (aMissing && bMissing) {
            return;
        }
        if (aMissing) {
            out.add(new Change(path, ChangeKind.ADDED, null, b));
            return;
        }
        if (bMissing) {
            out.add(new Change(path, ChangeKind.REMOVED, a, null));
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                diff(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, out);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(new Change(path, ChangeKind.CHANGED, a, b));
        }
    }
}
