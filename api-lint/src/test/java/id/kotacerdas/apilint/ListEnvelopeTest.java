package id.kotacerdas.apilint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "A test walks every list operation and asserts the one envelope" (issue 25, house rule 1): over the suite's merged
 * document ({@link MergedDocument}), every GET answering a collection answers {@code {items, page, size, total,
 * totalPages}} and takes {@code page} and {@code size} ({@link ListEnvelope}).
 * <p>
 * The operations that do not yet are listed, one a line, in {@code src/test/resources/list-envelope-allowlist.txt}.
 * <b>The list only shrinks</b>: an operation not on it that breaks the rule fails the build (a new bare-array list
 * fails here), and so does a line whose operation now keeps the rule or is gone (remove the line).
 */
class ListEnvelopeTest {

    static final String ALLOW_LIST = "list-envelope-allowlist.txt";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyListOperationAnswersTheOneEnvelope() throws Exception {
        Map<String, List<String>> violations = ListEnvelope.violations(MergedDocument.get());
        Set<String> allowed = allowList();

        List<String> newViolations = violations.entrySet().stream().filter(v -> !allowed.contains(v.getKey()))
                .map(v -> v.getKey() + ": " + String.join("; ", v.getValue())).toList();
        List<String> stale = allowed.stream().filter(op -> !violations.containsKey(op)).toList();
        List<String> messages = new ArrayList<>();
        if (!newViolations.isEmpty()) {
            messages.add("List operations that do not answer the one envelope {items, page, size, total, totalPages}"
                    + " with the page and size query parameters (a named *Page record, @Valid @BeanParam PageParams):\n  "
                    + String.join("\n  ", newViolations));
        }
        if (!stale.isEmpty()) {
            messages.add("These operations keep the rule now, or are gone: remove their lines from src/test/resources/"
                    + ALLOW_LIST + " (it only shrinks):\n  " + String.join("\n  ", stale));
        }
        if (!messages.isEmpty()) {
            fail(String.join("\n\n", messages));
        }
        if (!allowed.isEmpty()) {
            System.out.printf("[list envelope] %d operations still on the allow-list (%s)%n", allowed.size(), ALLOW_LIST);
        }
    }

    @Test
    void aBareArrayListIsRefused() throws Exception {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0", "paths": {"/things": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"type": "array", "items": {"type": "string"}}}}}}}}}}""");
        assertThat(ListEnvelope.violations(document)).containsOnlyKeys("GET /things")
                .extractingByKey("GET /things").asList()
                .contains("answers a bare array, not the envelope", "no query parameter page", "no query parameter size");
    }

    @Test
    void anItemsObjectWithoutTheEnvelopeIsRefused() throws Exception {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0",
                 "paths": {"/things": {"get": {
                   "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                   "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingList"}}}}}}}},
                 "components": {"schemas": {"ThingList": {"type": "object", "properties": {
                   "items": {"type": ["array", "null"], "items": {"type": "string"}},
                   "page": {"type": "integer"}, "size": {"type": "string"}, "total": {"type": ["integer", "null"]}}}}}}""");
        assertThat(ListEnvelope.violations(document)).containsOnlyKeys("GET /things")
                .extractingByKey("GET /things").asList()
                .containsExactly("size is not an integer", "no totalPages", "no query parameter size");
    }

    @Test
    void theEnvelopeWithExtraFieldsPassesAndNonListsAreNotLists() throws Exception {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0",
                 "paths": {
                   "/things": {
                     "parameters": [{"$ref": "#/components/parameters/Size"}],
                     "get": {
                       "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                       "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}}}}},
                   "/things/{id}": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
                     "type": "object", "properties": {"name": {"type": "string"}}}}}}}}},
                   "/things.csv": {"get": {"responses": {"200": {"content": {"text/csv": {"schema": {"type": "array"}}}}}}}
                 },
                 "components": {
                   "parameters": {"Size": {"name": "size", "in": "query", "schema": {"type": "integer"}}},
                   "schemas": {
                     "Paging": {"type": "object", "properties": {"page": {"type": ["integer", "null"]}, "size": {"type": "integer"},
                       "total": {"type": "integer"}, "totalPages": {"type": "integer"}}},
                     "ThingPage": {"allOf": [{"$ref": "#/components/schemas/Paging"}, {"type": "object", "properties": {
                       "items": {"type": "array", "items": {"type": "string"}}, "regionCode": {"type": "string"}}}]}}}}""");
        assertThat(ListEnvelope.violations(document)).isEmpty();
    }

    /** The operations still allowed to break the rule: one {@code GET /path} a line; {@code #} starts a comment. */
    static Set<String> allowList() throws IOException {
        try (InputStream in = ListEnvelopeTest.class.getResourceAsStream("/" + ALLOW_LIST)) {
            assertThat(in).as(ALLOW_LIST).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
