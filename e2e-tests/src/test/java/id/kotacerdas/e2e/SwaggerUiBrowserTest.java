package id.kotacerdas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Swagger UI on the gateway, rendered by a real headless browser: Debian's Chromium driven by
 * playwright-core (never a browser downloaded by a tool). Where no Chromium is installed the test is
 * skipped and says so; {@code .ci/run} installs it.
 */
@ExtendWith(RunningSuite.class)
class SwaggerUiBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path BROWSER_DIR = RunningSuite.ROOT.resolve("e2e-tests/browser");

    @Test
    void swaggerUiRendersTheMergedDocumentWithAWorkingAuthorizeButton() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !onPath("node") || !onPath("npm")) {
            String why = "SKIPPED: Swagger UI browser check: " + (Files.isExecutable(CHROMIUM)
                    ? "node/npm not installed" : "no Chromium at " + CHROMIUM + " (install Debian's chromium package)");
            System.out.println("[e2e] " + why);
            Assumptions.abort(why);
        }
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        Path screenshot = RunningSuite.ROOT.resolve("e2e-tests/target/swagger-ui.png");
        String output = run(List.of("node", "swagger-ui.mjs", RunningSuite.GATEWAY + "/q/swagger-ui/", screenshot.toString()), 120);
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
        List<String> operations = new ArrayList<>();
        result.path("operations").forEach(n -> operations.add(n.asText()));
        assertThat(operations).as("operations rendered by Swagger UI").contains("/api/v1/regions/{code}",
                "/api/v1/regions/{code}/profile");
        assertThat(result.path("schemes").size()).as("security schemes in the Authorize dialog").isPositive();
        assertThat(screenshot).exists();
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(BROWSER_DIR.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        String text = new String(out);
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + text).isZero();
        return text;
    }
}
