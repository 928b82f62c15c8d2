package id.kotacerdas.deploylint;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Rendered manifests: a multi-document YAML stream read as JSON trees (empty documents dropped). */
public final class Manifests {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Manifests() {
    }

    public static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** "Kind/name" of a document, for messages. */
    public static String id(JsonNode doc) {
        return doc.path("kind").asString("?") + "/" + doc.path("metadata").path("name").asString("?");
    }

    public static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asString(""))).toList();
    }
}
