package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console is served by the gateway without a token: its shell on every page path, its assets, its sign-in settings. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleRoutesTest {

    @Test
    void theRootAndEveryPagePathAnswerTheConsoleShell() {
        for (String path : new String[] { "/", "/console", "/console/", "/console/nasional", "/console/kohort/2022",
                "/console/daerah/52.07", "/console/monev/2023" }) {
            given().redirects().follow(false).get(path).then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", "frame-ancestors 'none'")
                    .body(containsString("<script type=\"module\" src=\"/console/assets/app.js\"></script>"));
        }
    }

    @Test
    void signInSettingsNameTheRealmTheGatewayTrustsAndThePublicClient() {
        given().get("/console/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("issuer", startsWith("http://"))
                .body("issuer", containsString("/realms/quarkus"))
                .body("clientId", equalTo("kotacerdas-cli"));
    }

    @Test
    void theAppsScriptsAndTheChartingLibraryItLoadsAreServed() throws IOException {
        given().get("/console/assets/app.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/console/assets/pages/daerah.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/console/assets/console.css").then().statusCode(200).contentType(startsWith("text/css"));
        // the version charts.js names is the one gateway/pom.xml pins
        String charts;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/console/assets/charts.js")) {
            charts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher echarts = Pattern.compile("'(/webjars/echarts/[^']+\\.js)'").matcher(charts);
        assertThat(echarts.find()).as("charts.js names the ECharts module").isTrue();
        given().get(echarts.group(1)).then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void anythingElseIsStillAProblemOrTheApi() {
        given().get("/console/unknown-page").then().statusCode(404).contentType("application/problem+json");
        given().get("/console/assets/missing.js").then().statusCode(404);
        given().get("/api/v1/things/1").then().statusCode(401).contentType("application/problem+json");
    }
}
