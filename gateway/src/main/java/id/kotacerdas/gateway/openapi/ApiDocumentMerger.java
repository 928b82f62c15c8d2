package id.kotacerdas.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.kotacerdas.platform.openapi.ApiSecurity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges the OpenAPI documents of the routed services into one document of the gateway (pure: no I/O).
 * <ul>
 * <li>Paths: each service contributes the paths its route forwards; a path two services claim stays with the first
 * and is named in {@code x-kotacerdas-conflicts}.</li>
 * <li>Components (schemas, responses, parameters, ...): a name defined identically by several documents is shared;
 * a name defined differently is prefixed with the route name in every document that defines it ({@code Item} becomes
 * {@code RegionItem} and {@code AssessmentItem}) and that document's {@code $ref}s (and discriminator mappings) are
 * rewritten. Repeated until stable, because a rename can make two formerly identical schemas differ.</li>
 * <li>Security: the services' schemes are replaced by the realm's one OAuth2 scheme ({@link ApiSecurity}, the same
 * every service's own document has); every operation the gateway protects requires it.</li>
 * <li>CORS: every response documents {@code Access-Control-Allow-Origin}, which the gateway's CORS filter adds for allowed
 * origins.</li>
 * <li>Errors: the gateway's own 401, 413, 429, 502, 503, 504 problem responses are added to every operation (401
 * only where the gateway checks a token) unless the service documents that status itself.</li>
 * <li>Problem types: {@code info.description} links the catalogue the gateway serves at {@code /problems}, and the
 * {@code type} of every document's {@code Problem} schema says where each type is explained (set in every document
 * before merging, so that identical {@code Problem} schemas stay identical and shared).</li>
 * <li>A service whose document could not be had is left out and named in {@code x-kotacerdas-services}.</li>
 * </ul>
 */
public final class ApiDocumentMerger {

    public static final String SECURITY_SCHEME = ApiSecurity.SCHEME;
    static final String CORS_ORIGIN = "Access-Control-Allow-Origin";
    static final String GATEWAY = "gateway";
    static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "links", "callbacks", "pathItems");
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Status → component of the gateway's error responses. */
    static final Map<String, String> GATEWAY_RESPONSES = new LinkedHashMap<>();

    static {
        GATEWAY_RESPONSES.put("401", "GatewayUnauthorized");
        GATEWAY_RESPONSES.put("413", "GatewayPayloadTooLarge");
        GATEWAY_RESPONSES.put("429", "GatewayTooManyRequests");
        GATEWAY_RESPONSES.put("502", "GatewayBadGateway");
        GATEWAY_RESPONSES.put("503", "GatewayServiceUnavailable");
        GATEWAY_RESPONSES.put("504", "GatewayTimeout");
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Where the gateway explains the problem types (the gateway's {@code ProblemCatalogue}). */
    static final String PROBLEMS_PATH = "/problems";
    static final String PROBLEM_TYPE_DESCRIPTION = "A URI that identifies the problem type: `https://kotacerdas.id/problems/"
            + "<slug>`. The gateway explains each type at `" + PROBLEMS_PATH + "/{slug}` (what it means, what to do; JSON "
            + "or HTML by `Accept`) and lists them all at `" + PROBLEMS_PATH + "`.";
    /** What a rate-limited route's answers carry (draft-ietf-httpapi-ratelimit-headers; the gateway's components). */
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Policy", "RateLimit");

    /** A service's document as fetched, with what its route forwards. */
    public record ServiceDocument(String route, Predicate<String> forwards, Predicate<String> isPublic, ObjectNode document,
            String documentUrl, boolean rateLimited) {

        /** A route without a rate limit. */
        public ServiceDocument(String route, Predicate<String> forwards, Predicate<String> isPublic, ObjectNode document,
                String documentUrl) {
            this(route, forwards, isPublic, document, documentUrl, false);
        }
    }

    /** A service whose document is missing from this merge, and why. */
    public record Unavailable(String route, String reason, String documentUrl) {
    }

    /** What the merged document says about itself. */
    public record Settings(String title, String version, String serverUrl, String authorizationUrl, String tokenUrl) {
    }

    private final Settings settings;
    private final ObjectNode gatewayComponents;

    /** @param gatewayComponents the gateway's own components ({@code schemas.Problem}, {@code responses.Gateway*}) */
    public ApiDocumentMerger(Settings settings, ObjectNode gatewayComponents) {
        this.settings = settings;
        this.gatewayComponents = gatewayComponents;
    }

    public ObjectNode merge(List<ServiceDocument> services, List<Unavailable> unavailable) {
        // participant 0 is the gateway itself: its components take part in clash detection like any service's
        List<String> names = new ArrayList<>();
        List<ObjectNode> originals = new ArrayList<>();
        names.add(GATEWAY);
        ObjectNode gatewayDoc = JSON.objectNode();
        gatewayDoc.set("components", gatewayComponents.deepCopy());
        originals.add(gatewayDoc);
        for (ServiceDocument service : services) {
            names.add(service.route());
            originals.add(forwardedPart(service));
        }
        originals.forEach(ApiDocumentMerger::describeProblemType);

        List<Map<String, Map<String, String>>> renames = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            renames.add(new HashMap<>());
        }
        Set<String> takenNames = allComponentNames(originals);
        List<ObjectNode> docs;
        while (true) {
            docs = new ArrayList<>();
            for (int i = 0; i < originals.size(); i++) {
                docs.add(renamed(originals.get(i), renames.get(i)));
            }
            boolean changed = false;
            for (String kind : COMPONENT_KINDS) {
                // name → distinct definitions → which documents define it so
                Map<String, Map<JsonNode, List<Integer>>> definitions = new LinkedHashMap<>();
                for (int i = 0; i < docs.size(); i++) {
                    JsonNode defs = docs.get(i).path("components").path(kind);
                    for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> def = it.next();
                        definitions.computeIfAbsent(def.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(def.getValue(), k -> new ArrayList<>()).add(i);
                    }
                }
                for (Map.Entry<String, Map<JsonNode, List<Integer>>> entry : definitions.entrySet()) {
                    if (entry.getValue().size() < 2) {
                        continue;
                    }
                    for (List<Integer> users : entry.getValue().values()) {
                        for (int i : users) {
                            String newName = uniqueName(pascal(names.get(i)) + entry.getKey(), takenNames);
                            renames.get(i).computeIfAbsent(kind, k -> new HashMap<>()).put(entry.getKey(), newName);
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }

        ObjectNode merged = header(services, unavailable);
        ObjectNode components = merged.putObject("components");
        for (ObjectNode doc : docs) {
            for (String kind : COMPONENT_KINDS) {
                JsonNode defs = doc.path("components").path(kind);
                for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> def = it.next();
                    ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
                    target.putIfAbsent(def.getKey(), def.getValue());
                }
            }
        }
        components.putObject("securitySchemes").set(SECURITY_SCHEME, securityScheme());

        ObjectNode paths = merged.putObject("paths");
        Map<String, String> pathOwners = new HashMap<>();
        ArrayNode conflicts = JSON.arrayNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceDocument service = services.get(i);
            ObjectNode doc = docs.get(i + 1);
            JsonNode serviceSecurity = doc.path("security");
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                String template = path.getKey();
                if (!service.forwards().test(template) || !path.getValue().isObject()) {
                    continue;
                }
                if (pathOwners.containsKey(template)) {
                    conflicts.addObject().put("path", template).put("keptFrom", pathOwners.get(template))
                            .put("droppedFrom", service.route());
                    continue;
                }
                pathOwners.put(template, service.route());
                ObjectNode item = (ObjectNode) path.getValue();
                boolean protectedPath = !service.isPublic().test(template);
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        adaptOperation(operation, serviceSecurity, protectedPath, service.rateLimited());
                    }
                }
                paths.set(template, item);
            }
            for (JsonNode tag : doc.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        if (!conflicts.isEmpty()) {
            merged.set("x-kotacerdas-conflicts", conflicts);
        }
        // keep the document's top-level keys in the usual order
        ObjectNode ordered = JSON.objectNode();
        for (String key : List.of("openapi", "info", "servers", "tags", "paths", "components")) {
            if (merged.has(key)) {
                ordered.set(key, merged.get(key));
            }
        }
        merged.fields().forEachRemaining(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return ordered;
    }

    private ObjectNode header(List<ServiceDocument> services, List<Unavailable> unavailable) {
        ObjectNode merged = JSON.objectNode();
        // 3.1: what the services generate; a 3.0 document is read as 3.1 (its schemas are almost always valid there)
        merged.put("openapi", "3.1.0");
        StringBuilder description = new StringBuilder("""
                One document for every Kota Cerdas service behind the gateway. Call the gateway, never a service \
                directly: it checks the bearer token (Keycloak realm `kotacerdas`), limits each caller, adds \
                `X-Request-Id` and `traceparent`, and forwards to the service, which checks the token again and \
                decides by role.

                Errors are `application/problem+json` (RFC 9457). The gateway itself may answer 401, 413, 429, 502, \
                503 and 504 on any operation. Every answer of a rate-limited route says what is left of the \
                caller's limit (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` (e.g. \
                `"region";q=100;w=10`: 100 at once, whole again within 10 s) and `RateLimit` (`r` left, whole again \
                in `t` s); a 429 adds `Retry-After`. With several gateway instances each tells its own share of the \
                limit, and the shares add up to it.

                Problem types: every problem's `type` is `https://kotacerdas.id/problems/<slug>`. The gateway \
                explains each one at [`/problems/{slug}`](/problems) (its status, what it means, what a client should \
                do, which services emit it), as JSON or as a page by `Accept`; [`/problems`](/problems) lists them all. \
                Decide on `type` and `status`, not on the wording of `detail`.

                Events: every service publishes its state changes on Kafka as CloudEvents; each service's AsyncAPI \
                document and JSON Schemas are linked below and indexed at `/events`.

                Services:""");
        ArrayNode serviceList = JSON.arrayNode();
        for (ServiceDocument service : services) {
            JsonNode info = service.document().path("info");
            description.append("\n- `").append(service.route()).append("`: ")
                    .append(info.path("title").asText(service.route())).append(" ([document](")
                    .append(service.documentUrl()).append("), [events](/events/").append(service.route())
                    .append("/asyncapi.yaml))");
            serviceList.addObject().put("route", service.route()).put("status", "included")
                    .put("title", info.path("title").asText(null)).put("version", info.path("version").asText(null))
                    .put("document", service.documentUrl());
        }
        for (Unavailable missing : unavailable) {
            description.append("\n- `").append(missing.route()).append("`: **not included now** (").append(missing.reason())
                    .append(")");
            serviceList.addObject().put("route", missing.route()).put("status", "unavailable")
                    .put("reason", missing.reason()).put("document", missing.documentUrl());
        }
        ObjectNode info = merged.putObject("info");
        info.put("title", settings.title());
        info.put("version", settings.version());
        info.put("description", description.toString());
        info.putObject("contact").put("name", "Kota Cerdas platform team");
        ObjectNode server = merged.putArray("servers").addObject().put("url", settings.serverUrl())
                .put("description", "The Kota Cerdas gateway, the public entry point (local, staging or production: the "
                        + "host that serves this document)");
        server.put("x-internal", false);
        merged.set("x-kotacerdas-services", serviceList);
        return merged;
    }

    /** Points the {@code type} of the document's {@code Problem} schema, if it has one, to the catalogue. */
    static void describeProblemType(ObjectNode document) {
        if (document.path("components").path("schemas").path("Problem").path("properties").get("type")
                instanceof ObjectNode type) {
            type.put("description", PROBLEM_TYPE_DESCRIPTION);
        }
    }

    /** The realm's OAuth2 scheme, as every service's own document has it ({@link ApiSecurity}). */
    private ObjectNode securityScheme() {
        ObjectNode scheme = JSON.objectNode();
        scheme.put("type", "oauth2");
        scheme.put("description", ApiSecurity.DESCRIPTION);
        ObjectNode flows = scheme.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", settings.authorizationUrl());
        code.put("tokenUrl", settings.tokenUrl());
        code.put("refreshUrl", settings.tokenUrl());
        ObjectNode codeScopes = code.putObject("scopes");
        ApiSecurity.scopes().forEach(codeScopes::put);
        ObjectNode clientCredentials = flows.putObject("clientCredentials");
        clientCredentials.put("tokenUrl", settings.tokenUrl());
        ObjectNode clientScopes = clientCredentials.putObject("scopes");
        ApiSecurity.scopes().forEach(clientScopes::put);
        return scheme;
    }

    private static void adaptOperation(ObjectNode operation, JsonNode serviceSecurity, boolean protectedPath,
            boolean rateLimited) {
        JsonNode security = operation.has("security") ? operation.get("security") : serviceSecurity;
        boolean requiresToken = false;
        ArrayNode rewritten = JSON.arrayNode();
        if (security.isArray()) {
            for (JsonNode requirement : security) {
                if (requirement.isObject() && requirement.size() > 0) {
                    // the gateway knows one scheme: every scheme of a service stands for it
                    Set<String> scopes = new LinkedHashSet<>();
                    requirement.fields().forEachRemaining(e -> e.getValue().forEach(s -> scopes.add(s.asText())));
                    ArrayNode scopeArray = rewritten.addObject().putArray(SECURITY_SCHEME);
                    scopes.forEach(scopeArray::add);
                    requiresToken = true;
                } else {
                    rewritten.add(JSON.objectNode()); // {} = anonymous allowed
                }
            }
        }
        if (protectedPath && !requiresToken) {
            rewritten.removeAll();
            rewritten.addObject().putArray(SECURITY_SCHEME);
        }
        if (!rewritten.isEmpty()) {
            operation.set("security", rewritten);
        }
        ObjectNode responses = operation.has("responses") && operation.get("responses").isObject()
                ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        // the gateway's CORS filter may add Access-Control-Allow-Origin to every answer
        responses.fields().forEachRemaining(entry -> {
            if (entry.getValue() instanceof ObjectNode response && !response.has("$ref")) {
                ObjectNode headers = response.get("headers") instanceof ObjectNode h ? h : response.putObject("headers");
                if (!headers.has(CORS_ORIGIN)) {
                    headers.putObject(CORS_ORIGIN).put("$ref", "#/components/headers/" + CORS_ORIGIN);
                }
                // on a rate-limited route every answer the limit let through says what is left of it (the gateway's own
                // 401 and 413 come before the limit is counted, its 429 documents them itself)
                if (rateLimited && (entry.getKey().startsWith("2") || entry.getKey().startsWith("4"))) {
                    for (String header : RATE_LIMIT_HEADERS) {
                        if (!headers.has(header)) {
                            headers.putObject(header).put("$ref", "#/components/headers/" + header);
                        }
                    }
                }
            }
        });
        for (Map.Entry<String, String> gatewayResponse : GATEWAY_RESPONSES.entrySet()) {
            if (gatewayResponse.getKey().equals("401") && !protectedPath) {
                continue;
            }
            if (!responses.has(gatewayResponse.getKey())) {
                responses.putObject(gatewayResponse.getKey()).put("$ref", "#/components/responses/" + gatewayResponse.getValue());
            }
        }
    }

    /**
     * A copy of the service's document with only the paths its route forwards and only the components those paths
     * use (directly or through other components), so that what a route does not serve takes no part in the merge.
     */
    static ObjectNode forwardedPart(ServiceDocument service) {
        ObjectNode copy = service.document().deepCopy();
        if (copy.get("paths") instanceof ObjectNode paths) {
            List<String> dropped = new ArrayList<>();
            paths.fieldNames().forEachRemaining(path -> {
                if (!service.forwards().test(path)) {
                    dropped.add(path);
                }
            });
            paths.remove(dropped);
        }
        if (!(copy.get("components") instanceof ObjectNode components)) {
            return copy;
        }
        Set<String> used = new HashSet<>();
        List<JsonNode> pending = new ArrayList<>();
        pending.add(copy.path("paths"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            List<String> refs = new ArrayList<>();
            collectRefs(node, refs, false);
            for (String ref : refs) {
                if (!ref.startsWith("#/components/")) {
                    continue;
                }
                String[] parts = ref.substring("#/components/".length()).split("/", 3);
                if (parts.length >= 2 && used.add(parts[0] + "/" + parts[1])) {
                    JsonNode target = components.path(parts[0]).path(parts[1]);
                    if (!target.isMissingNode()) {
                        pending.add(target);
                    }
                }
            }
        }
        for (String kind : COMPONENT_KINDS) {
            if (components.get(kind) instanceof ObjectNode defs) {
                List<String> unused = new ArrayList<>();
                defs.fieldNames().forEachRemaining(name -> {
                    if (!used.contains(kind + "/" + name)) {
                        unused.add(name);
                    }
                });
                defs.remove(unused);
            }
        }
        return copy;
    }

    private static void collectRefs(JsonNode node, List<String> refs, boolean inMapping) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && (e.getKey().equals("$ref") || inMapping)) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs, e.getKey().equals("mapping") && e.getValue().isObject());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> collectRefs(element, refs, false));
        }
    }

    /** A copy of the document with its components renamed and every reference to them rewritten. */
    private static ObjectNode renamed(ObjectNode document, Map<String, Map<String, String>> renames) {
        ObjectNode copy = document.deepCopy();
        if (renames.isEmpty()) {
            return copy;
        }
        JsonNode components = copy.path("components");
        for (Map.Entry<String, Map<String, String>> kind : renames.entrySet()) {
            if (!(components.get(kind.getKey()) instanceof ObjectNode defs)) {
                continue;
            }
            ObjectNode renamedDefs = JSON.objectNode();
            defs.fields().forEachRemaining(e -> renamedDefs.set(kind.getValue().getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            ((ObjectNode) components).set(kind.getKey(), renamedDefs);
        }
        rewriteRefs(copy, renames, false);
        return copy;
    }

    private static void rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames, boolean inMapping) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (value.isTextual() && (key.equals("$ref") || inMapping)) {
                    String target = rewriteRef(value.asText(), renames);
                    if (target != null) {
                        object.set(key, TextNode.valueOf(target));
                    }
                } else {
                    rewriteRefs(value, renames, key.equals("mapping") && value.isObject());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames, false));
        }
    }

    private static String rewriteRef(String ref, Map<String, Map<String, String>> renames) {
        String prefix = "#/components/";
        if (!ref.startsWith(prefix)) {
            return null;
        }
        String rest = ref.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String kind = rest.substring(0, slash);
        String name = rest.substring(slash + 1);
        int more = name.indexOf('/');
        String tail = "";
        if (more >= 0) {
            tail = name.substring(more);
            name = name.substring(0, more);
        }
        String newName = renames.getOrDefault(kind, Map.of()).get(name);
        return newName == null ? null : prefix + kind + "/" + newName + tail;
    }

    private static Set<String> allComponentNames(List<ObjectNode> documents) {
        Set<String> names = new HashSet<>();
        for (ObjectNode doc : documents) {
            for (String kind : COMPONENT_KINDS) {
                doc.path("components").path(kind).fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    private static String uniqueName(String wanted, Set<String> taken) {
        String name = wanted;
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + n;
        }
        taken.add(name);
        return name;
    }

    /** {@code region} → {@code Region}, {@code master-plan} → {@code MasterPlan}. */
    static String pascal(String routeName) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : routeName.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return out.isEmpty() ? routeName.toUpperCase(Locale.ROOT) : out.toString();
    }
}
