package id.kotacerdas.apilint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract integrators build on: {@code api/kotacerdas-openapi.json} is the suite's merged document as the gateway
 * serves it ({@link MergedDocument}), keys sorted, pretty. The Java client ({@code client-java}) is generated from it.
 * A change to any service's API that is not also in the committed file fails here, naming what differs; to accept it,
 * rewrite the file and commit it with the change:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl api-lint verify -Dtest=ApiContractTest -Dkotacerdas.contract.update=true
 * </pre>
 *
 * (after packaging the services and the gateway, e.g. {@code ./mvnw -B -ntp -o package -DskipTests -pl
 * region-service,assessment-service,agreement-service,masterplan-service,gateway}).
 */
class ApiContractTest {

    static final Path CONTRACT = MergedDocument.ROOT.resolve("api/kotacerdas-openapi.json");
    static final Path FRESH = MergedDocument.LINT.resolve("target/documents/kotacerdas-openapi.json");
    static final String UPDATE = "kotacerdas.contract.update";
    static final String REFRESH = "./mvnw -B -ntp -o -pl api-lint verify -Dtest=ApiContractTest -D" + UPDATE + "=true";
    static final int SHOWN = 40;

    @Test
    void theCommittedContractIsTheMergedDocument() throws Exception {
        JsonNode merged = MergedDocument.get();
        String fresh = MergedDocument.render(merged);
        Files.createDirectories(FRESH.getParent());
        Files.writeString(FRESH, fresh, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, fresh, StandardCharsets.UTF_8);
            System.out.printf("[contract] rewrote %s (%d paths): commit it%n", MergedDocument.ROOT.relativize(CONTRACT),
                    merged.path("paths").size());
            return;
        }
        if (!Files.exists(CONTRACT)) {
            fail("No committed contract %s. Write it with%n  %s%nand commit it.", MergedDocument.ROOT.relativize(CONTRACT), REFRESH);
        }
        String committed = Files.readString(CONTRACT, StandardCharsets.UTF_8);
        if (committed.equals(fresh)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        diff("", MergedDocument.JSON.readTree(committed), MergedDocument.canonical(merged), differences);
        String shown = String.join("\n  ", differences.subList(0, Math.min(SHOWN, differences.size())));
        fail("""
                The API changed: %s differs from the merged document of the services as built now (%d difference(s)%s):
                  %s
                If the change is meant, rewrite the contract and commit it with the change (the Java client is generated from it):
                  %s
                (the fresh document is %s; diff them to see everything)""",
                MergedDocument.ROOT.relativize(CONTRACT), differences.size(),
                differences.size() > SHOWN ? ", the first " + SHOWN : "", differences.isEmpty() ? "(formatting only)" : shown,
                REFRESH, MergedDocument.ROOT.relativize(FRESH));
    }

    @Test
    void theDiffNamesWhatChanged() throws Exception {
        JsonNode before = MergedDocument.JSON.readTree("""
                {"paths": {"/a": {"get": {"operationId": "getA"}}, "/b": {}}, "tags": ["x", "y"]}""");
        JsonNode after = MergedDocument.JSON.readTree("""
                {"paths": {"/a": {"get": {"operationId": "readA"}}, "/c": {}}, "tags": ["x"]}""");
        List<String> differences = new ArrayList<>();
        diff("", before, after, differences);
        assertThat(differences).containsExactly(
                "changed /paths/~1a/get/operationId: \"getA\" -> \"readA\"",
                "removed /paths/~1b",
                "added   /paths/~1c",
                "removed /tags/1");
        assertThat(MergedDocument.render(after)).as("sorted keys, two-space indent, a final newline")
                .isEqualTo("{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"operationId\": \"readA\"\n      }\n    },\n"
                        + "    \"/c\": {}\n  },\n  \"tags\": [\n    \"x\"\n  ]\n}\n");
    }

    /** Every JSON pointer where {@code after} differs from {@code before}: added, removed or changed. */
    static void diff(String pointer, JsonNode before, JsonNode after, List<String> out) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names.stream().sorted().toList()) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!after.has(name)) {
                    out.add("removed " + child);
                } else if (!before.has(name)) {
                    out.add("added   " + child);
                } else {
                    diff(child, before.get(name), after.get(name), out);
                }
            }
        } else if (before.isArray() && after.isArray()) {
            Iterator<JsonNode> b = before.elements();
            Iterator<JsonNode> a = after.elements();
            for (int i = 0; b.hasNext() || a.hasNext(); i++) {
                if (!a.hasNext()) {
                    b.next();
                    out.add("removed " + pointer + "/" + i);
                } else if (!b.hasNext()) {
                    a.next();
                    out.add("added   " + pointer + "/" + i);
                } else {
                    diff(pointer + "/" + i, b.next(), a.next(), out);
                }
            }
        } else if (!before.equals(after)) {
            out.add("changed " + (pointer.isEmpty() ? "/" : pointer) + ": " + abbreviate(before) + " -> " + abbreviate(after));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
