package id.kotacerdas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules (deploy/observability/alerts.yml) are valid Prometheus rules, and each alert fires on what should
 * fire it and not on healthy series (alerts.test.yml), by Prometheus's own {@code promtool} (Debian package
 * {@code prometheus}; {@code .ci/run} installs it). Without promtool the checks are skipped, and say so.
 */
class AlertRulesTest {

    static final Path DIR = Path.of("observability");
    static String promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = System.getenv().getOrDefault("PROMTOOL", "promtool");
        boolean found = promtool.contains("/") ? Files.isExecutable(Path.of(promtool))
                : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, promtool)));
        if (!found) {
            System.out.println("AlertRulesTest: SKIPPED, promtool not found (apt-get install prometheus): "
                    + "deploy/observability/alerts.yml was not checked");
        }
        Assumptions.assumeTrue(found, "promtool not found (apt-get install prometheus)");
    }

    @Test
    void rulesAreValid() throws Exception {
        assertPromtool("check", "rules", "alerts.yml");
    }

    @Test
    void eachAlertFiresOnWhatShouldFireIt() throws Exception {
        assertPromtool("test", "rules", "alerts.test.yml");
    }

    private static void assertPromtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(promtool));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
    }
}
