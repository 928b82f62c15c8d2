package id.kotacerdas.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.web.HttpLayerProblems;
import id.kotacerdas.platform.web.ViolationCodes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes every service's OpenAPI document one that holds up under an auditor's linter (Spectral's OpenAPI rules and
 * the OWASP API Security ruleset), without each service repeating it:
 * <ul>
 * <li>Security: the one OAuth2 scheme of the realm ({@link ApiSecurity}: authorization code with PKCE and client
 * credentials, scopes defined, refresh URL); every other scheme is dropped and every requirement points to it. Roles
 * are not scopes: the roles Quarkus derives from {@code @RolesAllowed} move from the requirement into the operation's
 * description ("Roles: ...").</li>
 * <li>Servers: one relative server, marked internal (clients call the gateway).</li>
 * <li>Examples are JSON values, never JSON text in a string; a parameter's example has its schema's type
 * ({@code "18.72"}, not {@code 18.72}).</li>
 * <li>Response headers have a schema.</li>
 * <li>Bounds as the server enforces them: every path and query string parameter is at most the request target limit
 * ({@code kotacerdas.http.max-request-target-length}, answered {@code 414}), every header parameter at most the
 * header limit ({@code kotacerdas.http.max-header-bytes}, answered {@code 431}); a parameter's own smaller bound
 * ({@code @Size}, {@code @Max}) is kept. Integers carry their format; dates and instants their length.</li>
 * <li>Properties that are not required may be {@code null}, in requests and responses, as Jackson reads and writes them
 * (except the problem types, which leave empty members out).</li>
 * </ul>
 * Runs at build time, so the document stored by {@code quarkus.smallrye-openapi.store-schema-directory} is the one
 * served and linted. The realm's browser URL comes from {@code kotacerdas.openapi.auth-server-url} (default
 * {@value ApiSecurity#DEFAULT_REALM_URL}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    public static final String AUTH_SERVER_PROPERTY = "kotacerdas.openapi.auth-server-url";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Platform types that leave empty members out ({@code @JsonInclude(NON_EMPTY)}): never {@code null}. */
    private static final Set<String> NEVER_NULL = Set.of("Problem", "Violation");
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    /** Response headers the suite sends, with what their values look like. */
    private static final Map<String, Schema> HEADER_SCHEMAS = Map.of(
            "etag", string().pattern("^(W/)?\"[\\x21\\x23-\\x7e]*\"$").maxLength(200),
            "location", string().format("uri-reference").maxLength(HttpLayerProblems.DEFAULT_MAX_TARGET),
            "content-location", string().format("uri-reference").maxLength(HttpLayerProblems.DEFAULT_MAX_TARGET),
            "cache-control", string().maxLength(200),
            "idempotent-replayed", string().addEnumeration("true"),
            "retry-after", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(86_400)),
            "allow", string().maxLength(200),
            "www-authenticate", string().maxLength(500));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        String realm = ApiSecurity.realm(config.getOptionalValue(AUTH_SERVER_PROPERTY, String.class).orElse(null));
        int maxTarget = config.getOptionalValue(HttpLayerProblems.MAX_TARGET_PROPERTY, Integer.class)
                .orElse(HttpLayerProblems.DEFAULT_MAX_TARGET);
        int maxHeaders = config.getOptionalValue(HttpLayerProblems.MAX_HEADERS_PROPERTY, Integer.class)
                .orElse(HttpLayerProblems.DEFAULT_MAX_HEADERS);

        securityScheme(openAPI, realm);
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("This service on the host that serves this document (local, staging or production). "
                        + "Internal: clients call the service through the gateway, which documents the public address.")
                .addExtension("x-internal", true)));

        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> parameter(p, maxTarget, maxHeaders));
                }
                if (item.getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                    Operation operation = entry.getValue();
                    security(operation);
                    if (entry.getKey() == PathItem.HttpMethod.POST) {
                        retryable(operation);
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> parameter(p, maxTarget, maxHeaders));
                    }
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                            headers(response.getHeaders());
                            content(response.getContent());
                        }
                    }
                }
            }
        }
        Components components = openAPI.getComponents();
        if (components != null) {
            if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
                // Jackson's JsonNode is any JSON value (text, number, boolean, object, array), not an object
                components.addSchema("JsonNode", OASFactory.createSchema()
                        .description("Any JSON value: text, number, boolean, object or array."));
            }
            if (components.getSchemas() != null) {
                Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                components.getSchemas().forEach((name, schema) -> {
                    bound(schema, seen);
                    if (!NEVER_NULL.contains(name)) {
                        nullableWhenOptional(schema);
                    }
                });
            }
            if (components.getResponses() != null) {
                components.getResponses().values().forEach(r -> {
                    headers(r.getHeaders());
                    content(r.getContent());
                });
            }
        }
    }

    // ------------------------------------------------------------------ security

    private static void securityScheme(OpenAPI openAPI, String realm) {
        Map<String, String> scopes = ApiSecurity.scopes();
        SecurityScheme scheme = OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description(ApiSecurity.DESCRIPTION)
                .flows(OASFactory.createOAuthFlows()
                        .authorizationCode(OASFactory.createOAuthFlow()
                                .authorizationUrl(realm + ApiSecurity.AUTHORIZATION_PATH)
                                .tokenUrl(realm + ApiSecurity.TOKEN_PATH)
                                .refreshUrl(realm + ApiSecurity.TOKEN_PATH)
                                .scopes(new LinkedHashMap<>(scopes)))
                        .clientCredentials(OASFactory.createOAuthFlow()
                                .tokenUrl(realm + ApiSecurity.TOKEN_PATH)
                                .scopes(new LinkedHashMap<>(scopes))));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(ApiSecurity.SCHEME, scheme);
        openAPI.getComponents().setSecuritySchemes(schemes);
        if (openAPI.getSecurity() != null) {
            openAPI.setSecurity(openAPI.getSecurity().stream().map(r -> rewritten(r, new LinkedHashSet<>())).toList());
        }
    }

    /** Points the operation's requirements to the realm's scheme without scopes, and names the roles in the description. */
    private static void security(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            requirements.add(rewritten(requirement, roles));
        }
        operation.setSecurity(requirements);
        if (!roles.isEmpty()) {
            List<String> ordered = new ArrayList<>();
            for (String role : ApiSecurity.ROLES) {
                if (roles.remove(role)) {
                    ordered.add(role);
                }
            }
            ordered.addAll(roles);
            String sentence = ApiSecurity.rolesSentence(ordered);
            String description = operation.getDescription();
            if (description == null || !description.contains(sentence)) {
                operation.setDescription(description == null || description.isBlank() ? sentence
                        : description.strip() + "\n\n" + sentence);
            }
        }
    }

    private static SecurityRequirement rewritten(SecurityRequirement requirement, Set<String> roles) {
        if (requirement.getSchemes() == null || requirement.getSchemes().isEmpty()) {
            return requirement; // {} = anonymous allowed
        }
        requirement.getSchemes().values().forEach(scopes -> {
            if (scopes != null) {
                roles.addAll(scopes);
            }
        });
        return OASFactory.createSecurityRequirement().addScheme(ApiSecurity.SCHEME, new ArrayList<>());
    }

    // ------------------------------------------------------------------ retries

    /**
     * Every POST of the suite takes an {@code Idempotency-Key} (platform-core's {@code @Idempotent} resources): where
     * the operation does not declare the header itself, it is documented here, with the replay marker on its 2xx
     * answers and the {@code 422} of a key reused for another request.
     */
    static void retryable(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
        if (declared) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name(IDEMPOTENCY_KEY).in(Parameter.In.HEADER)
                .required(false).schema(string())
                .description("A key of your choice (1 to 255 visible ASCII characters; a UUID will do) that makes this "
                        + "request safe to retry: a retry by the same caller with the same key and the same request "
                        + "(path, `If-Match`, body) gets the first answer again, marked `Idempotent-Replayed: true`, and "
                        + "changes nothing. The same key with another request is `422`. Without it, a retry of an "
                        + "action that succeeded meets the new state (`409` or `412`).")
                .example("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"));
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2") && (response.getHeaders() == null
                    || response.getHeaders().keySet().stream().noneMatch(REPLAYED::equalsIgnoreCase))) {
                response.addHeader(REPLAYED, OASFactory.createHeader().description(
                        "`true` when this is the stored answer to an earlier request with the same Idempotency-Key."));
            }
        });
        String reused = "The Idempotency-Key was already used for another request (problem `idempotency-key-reused`).";
        APIResponse unprocessable = responses.get("422");
        if (unprocessable == null) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse().description(reused));
        } else if (unprocessable.getRef() == null && (unprocessable.getDescription() == null
                || !unprocessable.getDescription().contains(IDEMPOTENCY_KEY))) {
            String description = unprocessable.getDescription();
            unprocessable.setDescription(description == null || description.isBlank() ? reused
                    : description.strip() + " Or: " + reused);
        }
    }

    // ------------------------------------------------------------------ parameters, headers, examples

    private static void parameter(Parameter parameter, int maxTarget, int maxHeaders) {
        if (parameter.getRef() != null) {
            return;
        }
        if (parameter.getSchema() == null) {
            parameter.setSchema(string());
        }
        Schema schema = parameter.getSchema();
        if (schema.getRef() == null && (schema.getType() == null || schema.getType().isEmpty())) {
            schema.addType(SchemaType.STRING);
        }
        boolean header = parameter.getIn() == Parameter.In.HEADER;
        if (header && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
            // what platform-core's Idempotency accepts
            schema.minLength(1).maxLength(255).pattern("^[\\x21-\\x7e]{1,255}$");
        }
        if (is(schema, SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            schema.setMaxLength(header ? maxHeaders : maxTarget);
        }
        integerFormat(schema);
        Object example = parameter.getExample();
        if (example != null) {
            parameter.setExample(typed(example, schema));
        }
        if (parameter.getExamples() != null) {
            parameter.getExamples().values().forEach(e -> {
                if (e.getValue() != null) {
                    e.setValue(typed(e.getValue(), schema));
                }
            });
        }
        if (parameter.getIn() == Parameter.In.PATH) {
            parameter.setRequired(true);
        }
    }

    /** The example as a value of the schema's type. */
    static Object typed(Object example, Schema schema) {
        if (is(schema, SchemaType.STRING) && !(example instanceof String)) {
            return example instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(example);
        }
        if ((is(schema, SchemaType.INTEGER) || is(schema, SchemaType.NUMBER)) && example instanceof String text) {
            try {
                BigDecimal number = new BigDecimal(text.trim());
                return is(schema, SchemaType.INTEGER) ? number.toBigIntegerExact() : number;
            } catch (ArithmeticException | NumberFormatException e) {
                return example;
            }
        }
        if (is(schema, SchemaType.BOOLEAN) && example instanceof String text) {
            return Boolean.parseBoolean(text.trim());
        }
        return example;
    }

    private static void headers(Map<String, Header> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, header) -> {
            if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                Schema known = HEADER_SCHEMAS.get(name.toLowerCase(java.util.Locale.ROOT));
                header.setSchema(known == null ? string().maxLength(HttpLayerProblems.DEFAULT_MAX_HEADERS) : copy(known));
            }
        });
    }

    private static void content(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : content.getMediaTypes().entrySet()) {
            if (!entry.getKey().contains("json")) {
                continue;
            }
            MediaType media = entry.getValue();
            boolean problem = entry.getKey().contains("problem");
            if (media.getExample() != null) {
                media.setExample(problem ? withViolationCodes(jsonValue(media.getExample())) : jsonValue(media.getExample()));
            }
            if (media.getExamples() != null) {
                for (Example example : media.getExamples().values()) {
                    if (example.getValue() != null) {
                        Object value = jsonValue(example.getValue());
                        example.setValue(problem ? withViolationCodes(value) : value);
                    }
                }
            }
        }
    }

    /**
     * A problem example as the server answers it: each violation with the {@code code} the server derives from its
     * message ({@link ViolationCodes}), so that examples written by hand stay true to the schema.
     */
    static Object withViolationCodes(Object example) {
        if (!(example instanceof Map<?, ?> problem) || !(problem.get("violations") instanceof List<?> violations)) {
            return example;
        }
        List<Object> coded = new ArrayList<>();
        for (Object item : violations) {
            if (item instanceof Map<?, ?> violation && !violation.containsKey("code")) {
                Map<Object, Object> copy = new LinkedHashMap<>(violation);
                Object message = violation.get("message");
                copy.put("code", ViolationCodes.of(message == null ? null : message.toString()));
                coded.add(copy);
            } else {
                coded.add(item);
            }
        }
        Map<Object, Object> copy = new LinkedHashMap<>(problem);
        copy.put("violations", coded);
        return copy;
    }

    /** JSON text in a string (how annotations carry examples) as the JSON value it spells. */
    static Object jsonValue(Object value) {
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return JSON.readValue(trimmed, Object.class);
                } catch (JsonProcessingException e) {
                    return value;
                }
            }
        }
        return value;
    }

    // ------------------------------------------------------------------ schemas

    /** Integer formats and the lengths of date, instant and UUID strings, everywhere in a schema. */
    private static void bound(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        integerFormat(schema);
        if (is(schema, SchemaType.STRING) && schema.getMaxLength() == null && schema.getFormat() != null) {
            switch (schema.getFormat()) {
                case "date" -> schema.setMaxLength(10);
                case "date-time" -> schema.setMaxLength(35);
                case "uuid" -> schema.setMaxLength(36);
                default -> {
                }
            }
        }
        children(schema).forEach(child -> bound(child, seen));
    }

    private static void integerFormat(Schema schema) {
        if (!is(schema, SchemaType.INTEGER) || schema.getFormat() != null) {
            return;
        }
        boolean fits = schema.getMaximum() != null && schema.getMaximum().compareTo(INT_MAX) <= 0
                && (schema.getMinimum() == null || schema.getMinimum().compareTo(INT_MIN) >= 0);
        schema.setFormat(fits ? "int32" : "int64");
    }

    /**
     * Properties that are not required may be {@code null}: in a request Jackson reads {@code null} as absent and Bean
     * Validation checks only present values (required ones, {@code @NotNull}/{@code @NotBlank}, may not be null); in a
     * response Jackson writes an unset member as {@code null} unless the type leaves it out ({@code @JsonInclude}), which
     * is then still allowed. Nested object schemas get the same.
     */
    private static void nullableWhenOptional(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema wrapper = OASFactory.createSchema();
                if (property.getDescription() != null) {
                    wrapper.setDescription(property.getDescription());
                }
                wrapper.setAnyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                        OASFactory.createSchema().addType(SchemaType.NULL)));
                properties.put(name, wrapper);
            } else if (property.getType() != null && !property.getType().isEmpty()
                    && !property.getType().contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
        });
        schema.setProperties(properties);
        properties.values().forEach(property -> {
            if (property.getProperties() != null) {
                nullableWhenOptional(property);
            }
        });
    }

    private static Collection<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                children.addAll(list);
            }
        }
        return children;
    }

    private static boolean is(Schema schema, SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setType(new ArrayList<>(schema.getType()));
        copy.setFormat(schema.getFormat());
        copy.setPattern(schema.getPattern());
        copy.setMaxLength(schema.getMaxLength());
        copy.setMinimum(schema.getMinimum());
        copy.setMaximum(schema.getMaximum());
        if (schema.getEnumeration() != null) {
            copy.setEnumeration(new ArrayList<>(schema.getEnumeration()));
        }
        return copy;
    }
}
