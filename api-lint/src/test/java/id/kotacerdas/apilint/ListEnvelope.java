package id.kotacerdas.apilint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The house rule "one list envelope" (issue 25) over an OpenAPI document: every GET whose 200 {@code application/json}
 * answer is a collection (an array, or an object with {@code items}) answers {@code {items, page, size, total,
 * totalPages}} ({@code items} an array, the others integers; other top-level fields may stand beside them) and takes
 * the {@code page} and {@code size} query parameters. Pure: no I/O.
 */
final class ListEnvelope {

    static final List<String> INTEGERS = List.of("page", "size", "total", "totalPages");
    static final List<String> PARAMETERS = List.of("page", "size");

    private ListEnvelope() {
    }

    /** Operation ({@code GET /path}) → what it lacks, for every list operation that is not the envelope. */
    static Map<String, List<String>> violations(JsonNode document) {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            JsonNode media = get.path("responses").path("200").path("content").path("application/json");
            if (media.isMissingNode()) {
                return;
            }
            JsonNode schema = resolve(document, media.path("schema"), new HashSet<>());
            boolean array = hasType(schema, "array");
            boolean itemsObject = !array && schema.path("properties").has("items");
            if (!array && !itemsObject) {
                return;
            }
            List<String> problems = new ArrayList<>();
            if (array) {
                problems.add("answers a bare array, not the envelope");
            } else {
                JsonNode properties = schema.path("properties");
                if (!hasType(resolve(document, properties.path("items"), new HashSet<>()), "array")) {
                    problems.add("items is not an array");
                }
                for (String name : INTEGERS) {
                    if (!properties.has(name)) {
                        problems.add("no " + name);
                    } else if (!hasType(resolve(document, properties.path(name), new HashSet<>()), "integer")) {
                        problems.add(name + " is not an integer");
                    }
                }
            }
            Set<String> query = new HashSet<>();
            for (JsonNode parameters : List.of(path.getValue().path("parameters"), get.path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(document, parameter, new HashSet<>());
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                }
            }
            for (String name : PARAMETERS) {
                if (!query.contains(name)) {
                    problems.add("no query parameter " + name);
                }
            }
            if (!problems.isEmpty()) {
                violations.put("GET " + path.getKey(), problems);
            }
        });
        return violations;
    }

    /** True if the schema's {@code type} is, or (OpenAPI 3.1) lists, the given type. */
    static boolean hasType(JsonNode schema, String type) {
        JsonNode t = schema.path("type");
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode each : t) {
            if (each.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The schema (or parameter) with local {@code $ref}s followed and {@code allOf} members' properties and type
     * merged into one object: enough to read the top-level shape.
     */
    static JsonNode resolve(JsonNode document, JsonNode node, Set<String> seen) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        if (!current.has("allOf")) {
            return current;
        }
        ObjectNode merged = ((ObjectNode) current).deepCopy();
        merged.remove("allOf");
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        if (current.path("properties").isObject()) {
            properties.setAll((ObjectNode) current.path("properties"));
        }
        for (JsonNode member : current.path("allOf")) {
            JsonNode part = resolve(document, member, seen);
            if (part.path("properties").isObject()) {
                properties.setAll((ObjectNode) part.path("properties"));
            }
            if (!merged.has("type") && part.has("type")) {
                merged.set("type", part.get("type"));
            }
        }
        merged.set("properties", properties);
        return merged;
    }
}
