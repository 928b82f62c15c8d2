package id.kotacerdas.gateway.problems;

import id.kotacerdas.platform.web.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue of problem types ({@code problems/catalogue.json}): every {@code type} the gateway and the services
 * emit ({@code https://kotacerdas.id/problems/<slug>}), with its title, statuses, meaning, what a client should do,
 * who emits it and which other types mean the same kind of failure. Read and checked once; its JSON and HTML
 * renderings are built once too (the catalogue only changes with a release).
 */
@Singleton
public class ProblemCatalogue {

    public static final String RESOURCE = "problems/catalogue.json";
    /** Where the gateway serves the catalogue; {@code PATH + "/" + slug} explains one type. */
    public static final String PATH = "/problems";
    static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    /** A rendering served as is, with its validator. */
    public record Rendering(Buffer body, String etag) {
        static Rendering of(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Rendering(Buffer.buffer(bytes), "\"" + sha256(bytes).substring(0, 32) + "\"");
        }
    }

    private final JsonObject catalogue;
    private final Map<String, JsonObject> entries = new LinkedHashMap<>();
    private final Rendering listJson;
    private final Rendering listHtml;
    private final Map<String, Rendering> entryJson = new LinkedHashMap<>();
    private final Map<String, Rendering> entryHtml = new LinkedHashMap<>();

    public ProblemCatalogue() {
        this(read());
    }

    ProblemCatalogue(JsonObject source) {
        this.catalogue = source;
        JsonArray list = new JsonArray();
        for (Object item : source.getJsonArray("problems")) {
            JsonObject entry = withLinks((JsonObject) item);
            String slug = entry.getString("slug");
            if (entries.put(slug, entry) != null) {
                throw new IllegalStateException(RESOURCE + ": " + slug + " is listed twice");
            }
            list.add(entry);
        }
        check();
        JsonObject listed = new JsonObject().put("title", source.getString("title"))
                .put("description", source.getString("description")).put("base", base()).put("problems", list);
        listJson = Rendering.of(listed.encodePrettily());
        listHtml = Rendering.of(ProblemPages.list(listed));
        entries.forEach((slug, entry) -> {
            entryJson.put(slug, Rendering.of(entry.encodePrettily()));
            entryHtml.put(slug, Rendering.of(ProblemPages.entry(entry, entries)));
        });
    }

    /** The base every {@code type} starts with ({@link Problem#TYPE_BASE}). */
    public String base() {
        return catalogue.getString("base", Problem.TYPE_BASE);
    }

    /** Every slug, in the catalogue's order. */
    public List<String> slugs() {
        return new ArrayList<>(entries.keySet());
    }

    public Optional<JsonObject> entry(String slug) {
        return Optional.ofNullable(entries.get(slug)).map(JsonObject::copy);
    }

    public Rendering list(boolean html) {
        return html ? listHtml : listJson;
    }

    public Optional<Rendering> entry(String slug, boolean html) {
        return Optional.ofNullable((html ? entryHtml : entryJson).get(slug));
    }

    /** The entry with its {@code type} URI and the gateway path that explains it, ahead of the rest. */
    private JsonObject withLinks(JsonObject entry) {
        String slug = entry.getString("slug");
        JsonObject out = new JsonObject().put("slug", slug).put("type", base() + slug).put("href", PATH + "/" + slug);
        entry.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** What a broken catalogue would otherwise serve silently: a bad slug, a missing field, a dangling reference. */
    private void check() {
        if (!Problem.TYPE_BASE.equals(base())) {
            throw new IllegalStateException(RESOURCE + ": base must be " + Problem.TYPE_BASE);
        }
        entries.forEach((slug, entry) -> {
            if (slug == null || !SLUG.matcher(slug).matches()) {
                throw new IllegalStateException(RESOURCE + ": bad slug " + slug);
            }
            for (String field : List.of("title", "meaning", "clientAction")) {
                if (entry.getString(field, "").isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": " + slug + " has no " + field);
                }
            }
            if (entry.getJsonArray("status", new JsonArray()).isEmpty()
                    || entry.getJsonArray("emittedBy", new JsonArray()).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + slug + " needs status and emittedBy");
            }
            for (Object other : entry.getJsonArray("sameKindAs", new JsonArray())) {
                if (!entries.containsKey(other) || slug.equals(other)) {
                    throw new IllegalStateException(RESOURCE + ": " + slug + " is sameKindAs unknown " + other);
                }
            }
        });
    }

    private static JsonObject read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
