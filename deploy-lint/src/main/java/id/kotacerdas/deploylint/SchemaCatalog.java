package id.kotacerdas.deploylint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of deploy/k8s/schemas, by apiVersion and kind, as its catalog.yaml lists them. A document whose
 * apiVersion and kind the catalog does not list is a problem: nothing is rendered unchecked.
 */
public final class SchemaCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Schema> schemas = new HashMap<>();

    public SchemaCatalog(Path dir) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        JsonNode catalog = read(dir.resolve("catalog.yaml"));
        for (JsonNode entry : catalog) {
            JsonNode schema;
            if (entry.has("crd")) {
                schema = fromCrd(read(dir.resolve(entry.get("crd").asString())), entry.get("apiVersion").asString());
            } else {
                schema = read(dir.resolve(entry.get("file").asString()));
            }
            // the schemas are self-contained: a $schema URL would only make the validator try to download it
            ((ObjectNode) schema).remove("$schema");
            schemas.put(key(entry.get("apiVersion").asString(), entry.get("kind").asString()), registry.getSchema(schema));
        }
    }

    /** The problems of one document: its schema's errors, or that no schema is known for its kind. */
    public List<String> validate(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asString("");
        String kind = doc.path("kind").asString("");
        Schema schema = schemas.get(key(apiVersion, kind));
        if (schema == null) {
            return List.of(Manifests.id(doc) + ": no schema for " + apiVersion + " " + kind
                    + " (deploy/k8s/schemas/catalog.yaml); a kind without a schema is not allowed");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(doc)) {
            problems.add(Manifests.id(doc) + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    public int size() {
        return schemas.size();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static JsonNode read(Path file) {
        try {
            String text = Files.readString(file);
            return file.toString().endsWith(".json") ? JSON.readTree(text) : Manifests.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The openAPIV3Schema of a CustomResourceDefinition's version, made strict as openapi2jsonschema does. */
    static JsonNode fromCrd(JsonNode crd, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asString())) {
                ObjectNode schema = (ObjectNode) v.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                ObjectNode props = (ObjectNode) schema.get("properties");
                props.putObject("apiVersion").put("type", "string").putArray("enum").add(apiVersion);
                props.putObject("kind").put("type", "string").putArray("enum")
                        .add(crd.path("spec").path("names").path("kind").asString());
                ArrayNode required = schema.putArray("required");
                required.add("apiVersion").add("kind").add("metadata").add("spec");
                return schema;
            }
        }
        throw new IllegalArgumentException("the CRD has no version " + version);
    }

    private static void strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("x-kubernetes-int-or-string")) {
                object.remove("type");
                object.putArray("type").add("integer").add("string");
            }
            boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !preserve) {
                object.put("additionalProperties", false);
            }
            // openAPI's nullable: the value may also be null
            if (object.path("nullable").asBoolean(false) && object.path("type").isString()) {
                String type = object.get("type").asString();
                object.putArray("type").add(type).add("null");
            }
            for (JsonNode child : object.values()) {
                strict(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                strict(child);
            }
        }
    }
}
