package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm the chart imports is deploy/keycloak/kotacerdas-realm.json: in production without the demo accounts and
 * the machine clients' demo secrets (integrator, importer), with the browser client sent back only to the public gateway; in values-dev.yaml as
 * it is. The chart's copies (files/realm) are generated from that file: run this test with
 * {@code -Ddeploy-lint.regenerate=true} after changing it.
 */
class RealmImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Path PROD_COPY = Repo.CHART.resolve("files/realm/kotacerdas-realm.json");
    private static final Path DEV_COPY = Repo.CHART.resolve("files/realm/kotacerdas-realm-dev.json");

    /** The production realm: the realm file without the people's accounts (service accounts stay) and client secrets. */
    static ObjectNode productionRealm(JsonNode realm) {
        ObjectNode prod = (ObjectNode) realm.deepCopy();
        ArrayNode users = prod.putArray("users");
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                users.add(user.deepCopy());
            }
        }
        for (JsonNode client : prod.path("clients")) {
            ((ObjectNode) client).remove("secret");
        }
        return prod;
    }

    private static JsonNode source() {
        return JSON.readTree(Repo.read(Repo.REALM));
    }

    private static JsonNode importedRealm(String valuesFile) {
        List<JsonNode> imports = Manifests.ofKind(Repo.render(Repo.CHART.resolve(valuesFile)), "KeycloakRealmImport");
        assertThat(imports).hasSize(1);
        return imports.get(0).path("spec").path("realm");
    }

    private static ObjectNode withCliRedirects(JsonNode realm, List<String> uris) {
        ObjectNode copy = (ObjectNode) realm.deepCopy();
        for (JsonNode client : copy.path("clients")) {
            if ("kotacerdas-cli".equals(client.path("clientId").asString())) {
                ArrayNode redirects = ((ObjectNode) client).putArray("redirectUris");
                uris.forEach(redirects::add);
            }
        }
        return copy;
    }

    @Test
    void theChartsCopiesAreGeneratedFromTheRealmFile() throws IOException {
        if (Boolean.getBoolean("deploy-lint.regenerate")) {
            Files.writeString(PROD_COPY, JSON.writeValueAsString(productionRealm(source())) + "\n");
            Files.copy(Repo.REALM, DEV_COPY, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(JSON.readTree(Repo.read(PROD_COPY)))
                .as("%s is out of date: run ./mvnw -pl deploy-lint test -Dtest=RealmImportTest -Ddeploy-lint.regenerate=true",
                        PROD_COPY)
                .isEqualTo(productionRealm(source()));
        assertThat(Repo.read(DEV_COPY)).as("%s is a copy of %s", DEV_COPY, Repo.REALM).isEqualTo(Repo.read(Repo.REALM));
    }

    @Test
    void productionImportIsTheRealmFileWithoutDemoAccountsAndSecrets() {
        JsonNode imported = importedRealm("values.yaml");

        assertThat(imported).isEqualTo(withCliRedirects(productionRealm(source()),
                List.of("https://kotacerdas.example.go.id/*")));
        assertThat(imported.path("users")).extracting(u -> u.path("username").asString())
                .containsExactly("service-account-kotacerdas-integrator", "service-account-kotacerdas-importer");
        assertThat(imported.toString()).doesNotContain("\"credentials\"", "\"password\"", "integrator-secret",
                "importer-secret");
    }

    @Test
    void devImportIsTheRealmFileWithItsDemoAccounts() {
        JsonNode imported = importedRealm("values-dev.yaml");
        JsonNode source = source();
        List<String> redirects = new java.util.ArrayList<>();
        for (JsonNode client : source.path("clients")) {
            if ("kotacerdas-cli".equals(client.path("clientId").asString())) {
                client.path("redirectUris").forEach(u -> redirects.add(u.asString()));
            }
        }
        redirects.add("https://kotacerdas.dev.example.go.id/*");

        assertThat(imported).isEqualTo(withCliRedirects(source, redirects));
        assertThat(imported.path("users")).extracting(u -> u.path("username").asString())
                .contains("ministry", "officer-metro", "auditor");
    }
}
