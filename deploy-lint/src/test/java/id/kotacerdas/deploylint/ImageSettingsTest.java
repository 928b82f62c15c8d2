package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One set of JVM flags: the image's default JAVA_TOOL_OPTIONS (the root pom's images.jvm-options), the chart's
 * jvm.options and Compose's default agree, and size the heap from the container's memory limit, not with -Xmx.
 */
class ImageSettingsTest {

    private static String normalized(String flags) {
        return flags.trim().replaceAll("\\s+", " ");
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
                .matcher(Repo.read(Repo.ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("root pom.xml property %s", name).isTrue();
        return m.group(1);
    }

    private static String composeDefault(String service) {
        Object value = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ComposeTest.compose().get("services")).get(service))
                .get("environment")).get("JAVA_TOOL_OPTIONS");
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-(.*)}").matcher(String.valueOf(value));
        assertThat(m.matches()).as("%s JAVA_TOOL_OPTIONS has a default", service).isTrue();
        return m.group(1);
    }

    @Test
    void theImageTheChartAndComposeRunTheSameJvmFlags() {
        String image = normalized(pomProperty("images.jvm-options"));
        JsonNode values = Manifests.YAML.readTree(Repo.read(Repo.CHART.resolve("values.yaml")));

        assertThat(normalized(values.path("jvm").path("options").asString())).isEqualTo(image);
        assertThat(normalized(composeDefault("region-service"))).isEqualTo(image);
        assertThat(normalized(composeDefault("gateway")))
                .isEqualTo(image + " " + values.path("apps").path("gateway").path("extraJvmOptions").asString());
        assertThat(image).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
    }

    @Test
    void theImageIsNonRootWithItsVersionAndSourceAsLabels() {
        assertThat(pomProperty("quarkus.jib.user")).isEqualTo("185");
        assertThat(pomProperty("quarkus.container-image.labels.org.opencontainers.image.version"))
                .isEqualTo("${project.version}");
        assertThat(pomProperty("quarkus.container-image.labels.org.opencontainers.image.source"))
                .isEqualTo("${images.source}");
        assertThat(pomProperty("quarkus.jib.base-jvm-image")).isEqualTo("${images.base}");
    }
}
