package id.kotacerdas.apilint.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evolution rule of a v1 event, as a comparison of an event's JSON Schema as released (the baseline) with the
 * schema as it is now. A v1 event may only grow in ways that every consumer already copes with: a consumer built on any
 * earlier v1 schema reads a newer event (it ignores what it does not know), and a consumer built on the newest schema
 * reads every v1 event ever published (topics are replayed from the beginning).
 *
 * <p>Allowed: a new optional property (at any level), a relaxed numeric or length bound, a dropped {@code pattern} or
 * {@code format}, {@code additionalProperties: false} dropped, and any change of annotations ({@code title},
 * {@code description}, {@code examples}, {@code $comment}, {@code deprecated}, {@code default}, {@code $id},
 * {@code $schema}).
 *
 * <p>Refused (each a break, named by its JSON pointer in the schema): a property removed; a type changed (its set of
 * JSON types, in either direction); a property added to {@code required} or dropped from it; an enum value removed or
 * added (consumers map enums to closed types: a new value needs v2), an {@code enum} or {@code const} added, changed or
 * dropped; a bound or length narrowed or added; a {@code pattern}, {@code format} or {@code multipleOf} added or
 * changed; {@code uniqueItems} made true; {@code additionalProperties} made {@code false} (or a schema) where it was
 * open; and a change to any keyword this comparison does not know (it cannot tell whether it widens or narrows).
 */
public final class SchemaEvolution {

    /** Annotations: they describe, they do not constrain. */
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description", "examples",
            "deprecated", "default", "readOnly", "writeOnly");

    /** Keywords compared by a rule of their own below. */
    static final Set<String> COMPARED = Set.of("type", "properties", "required", "additionalProperties", "items",
            "enum", "const", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength",
            "minItems", "maxItems", "minProperties", "maxProperties", "pattern", "format", "multipleOf", "uniqueItems");

    private SchemaEvolution() {
    }

    /** One change a v1 event may not make: where in the schema (a JSON pointer) and what. */
    public record Break(String pointer, String what) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + what;
        }
    }

    /** The breaks between the released schema and the current one (empty: the change is allowed in v1). */
    public static List<Break> breaks(JsonNode released, JsonNode current) {
        List<Break> breaks = new ArrayList<>();
        compare("", released, current, breaks);
        return breaks;
    }

    private static void compare(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        if (was == null || now == null || !was.isObject() || !now.isObject()) {
            if (was != null && !was.equals(now)) {
                breaks.add(new Break(at, "changed from " + was + " to " + now));
            }
            return;
        }
        types(at, was, now, breaks);
        enums(at, was, now, breaks);
        constant(at, was, now, breaks);
        required(at, was, now, breaks);
        properties(at, was, now, breaks);
        additionalProperties(at, was, now, breaks);
        if (was.has("items") || now.has("items")) {
            if (!was.has("items")) {
                breaks.add(new Break(at + "/items", "items constrained where any item was allowed"));
            } else if (now.has("items")) {
                compare(at + "/items", was.get("items"), now.get("items"), breaks);
            }
        }
        lowerBound(at, "minimum", was, now, breaks);
        lowerBound(at, "exclusiveMinimum", was, now, breaks);
        lowerBound(at, "minLength", was, now, breaks);
        lowerBound(at, "minItems", was, now, breaks);
        lowerBound(at, "minProperties", was, now, breaks);
        upperBound(at, "maximum", was, now, breaks);
        upperBound(at, "exclusiveMaximum", was, now, breaks);
        upperBound(at, "maxLength", was, now, breaks);
        upperBound(at, "maxItems", was, now, breaks);
        upperBound(at, "maxProperties", was, now, breaks);
        sameOrDropped(at, "pattern", was, now, breaks);
        sameOrDropped(at, "format", was, now, breaks);
        sameOrDropped(at, "multipleOf", was, now, breaks);
        if (!was.path("uniqueItems").asBoolean(false) && now.path("uniqueItems").asBoolean(false)) {
            breaks.add(new Break(at + "/uniqueItems", "items made unique: a released event with repeated items no longer validates"));
        }
        Set<String> others = new TreeSet<>();
        was.fieldNames().forEachRemaining(others::add);
        now.fieldNames().forEachRemaining(others::add);
        for (String keyword : others) {
            if (!ANNOTATIONS.contains(keyword) && !COMPARED.contains(keyword)
                    && !java.util.Objects.equals(was.get(keyword), now.get(keyword))) {
                breaks.add(new Break(at + "/" + escape(keyword), "keyword " + keyword
                        + " changed; this rule cannot tell whether that widens or narrows: keep it or publish a v2"));
            }
        }
    }

    private static void types(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        Set<String> before = typeSet(was.get("type"));
        Set<String> after = typeSet(now.get("type"));
        if (!before.equals(after)) {
            breaks.add(new Break(at + "/type", "type changed from " + describe(before) + " to " + describe(after)));
        }
    }

    private static void enums(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        if (!was.has("enum") && !now.has("enum")) {
            return;
        }
        if (!was.has("enum")) {
            breaks.add(new Break(at + "/enum", "enum added: released values outside it would no longer validate"));
            return;
        }
        if (!now.has("enum")) {
            breaks.add(new Break(at + "/enum", "enum dropped: any value would be allowed, and a new value needs v2"));
            return;
        }
        Set<JsonNode> before = new LinkedHashSet<>();
        was.get("enum").forEach(before::add);
        Set<JsonNode> after = new LinkedHashSet<>();
        now.get("enum").forEach(after::add);
        for (JsonNode value : before) {
            if (!after.contains(value)) {
                breaks.add(new Break(at + "/enum", "enum value " + value + " removed"));
            }
        }
        for (JsonNode value : after) {
            if (!before.contains(value)) {
                breaks.add(new Break(at + "/enum", "enum value " + value
                        + " added: consumers map an enum to a closed type, a new value needs v2"));
            }
        }
    }

    private static void constant(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        if (!java.util.Objects.equals(was.get("const"), now.get("const"))) {
            breaks.add(new Break(at + "/const", "const changed from " + was.get("const") + " to " + now.get("const")));
        }
    }

    private static void required(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        Set<String> before = names(was.get("required"));
        Set<String> after = names(now.get("required"));
        for (String name : after) {
            if (!before.contains(name)) {
                breaks.add(new Break(at + "/required", "property " + name
                        + " made required: a released event without it no longer validates"));
            }
        }
        for (String name : before) {
            if (!after.contains(name)) {
                breaks.add(new Break(at + "/required", "property " + name
                        + " no longer required: consumers count on it being there"));
            }
        }
    }

    private static void properties(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        JsonNode before = was.path("properties");
        JsonNode after = now.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String where = at + "/properties/" + escape(property.getKey());
            if (!after.has(property.getKey())) {
                breaks.add(new Break(where, "property removed"));
            } else {
                compare(where, property.getValue(), after.get(property.getKey()), breaks);
            }
        }
    }

    private static void additionalProperties(String at, JsonNode was, JsonNode now, List<Break> breaks) {
        JsonNode before = was.get("additionalProperties");
        JsonNode after = now.get("additionalProperties");
        boolean wasOpen = before == null || before.isBoolean() && before.asBoolean();
        boolean isOpen = after == null || after.isBoolean() && after.asBoolean();
        if (wasOpen && !isOpen) {
            breaks.add(new Break(at + "/additionalProperties", after.isBoolean()
                    ? "additionalProperties made false: a consumer's newer v1 event with an added property no longer validates"
                    : "additionalProperties constrained where any property was allowed"));
        } else if (!wasOpen && !isOpen && before.isObject() && after.isObject()) {
            compare(at + "/additionalProperties", before, after, breaks);
        }
    }

    private static void lowerBound(String at, String keyword, JsonNode was, JsonNode now, List<Break> breaks) {
        JsonNode before = was.get(keyword);
        JsonNode after = now.get(keyword);
        if (after == null || !after.isNumber()) {
            return; // dropped or unchanged-absent: wider
        }
        if (before == null || !before.isNumber()) {
            breaks.add(new Break(at + "/" + keyword, keyword + " " + after + " added"));
        } else if (after.decimalValue().compareTo(before.decimalValue()) > 0) {
            breaks.add(new Break(at + "/" + keyword, keyword + " narrowed from " + before + " to " + after));
        }
    }

    private static void upperBound(String at, String keyword, JsonNode was, JsonNode now, List<Break> breaks) {
        JsonNode before = was.get(keyword);
        JsonNode after = now.get(keyword);
        if (after == null || !after.isNumber()) {
            return;
        }
        if (before == null || !before.isNumber()) {
            breaks.add(new Break(at + "/" + keyword, keyword + " " + after + " added"));
        } else if (after.decimalValue().compareTo(before.decimalValue()) < 0) {
            breaks.add(new Break(at + "/" + keyword, keyword + " narrowed from " + before + " to " + after));
        }
    }

    private static void sameOrDropped(String at, String keyword, JsonNode was, JsonNode now, List<Break> breaks) {
        JsonNode before = was.get(keyword);
        JsonNode after = now.get(keyword);
        if (after == null || after.equals(before)) {
            return;
        }
        breaks.add(new Break(at + "/" + keyword, before == null ? keyword + " " + after + " added"
                : keyword + " changed from " + before + " to " + after + " (it cannot be shown to be wider)"));
    }

    private static Set<String> typeSet(JsonNode type) {
        Set<String> set = new TreeSet<>();
        if (type == null) {
            return set;
        }
        if (type.isArray()) {
            type.forEach(t -> set.add(t.asText()));
        } else {
            set.add(type.asText());
        }
        return set;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> set = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(n -> set.add(n.asText()));
        }
        return set;
    }

    /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
