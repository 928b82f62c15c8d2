package id.kotacerdas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The loader's pointers, and the story file it ships with. */
class DemoDataTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPointerSegmentWithAFilterPicksTheFirstMatchingElement() throws Exception {
        JsonNode page = JSON.readTree("""
                {"items":[{"id":"a","year":2040,"state":"PUBLISHED"},{"id":"b","year":2023,"state":"SCORING"},
                          {"id":"c","year":2023,"state":"CLOSED"}],"total":3}""");
        assertThat(DemoData.select(page, "/items[year=2023]/id").asText()).isEqualTo("b");
        assertThat(DemoData.select(page, "/items[year=2023]/state").asText()).isEqualTo("SCORING");
        assertThat(DemoData.select(page, "/items/0/id").asText()).isEqualTo("a");
        assertThat(DemoData.select(page, "/total").asInt()).isEqualTo(3);
        assertThat(DemoData.select(page, "/items[year=2099]/id").isMissingNode()).isTrue();
        assertThat(DemoData.select(page, "/nothing[year=2023]/id").isMissingNode()).isTrue();
    }

    @Test
    void everyStepOfTheStoryNamesWhatHappensAndWhoDoesItAndItsBodyFilesExist() throws Exception {
        Path file = Path.of("programme-2022-2023.json");
        JsonNode story = JSON.readTree(file.toFile());
        assertThat(story.get("sections")).isNotEmpty();
        for (JsonNode section : story.get("sections")) {
            assertThat(section.path("name").asText()).isNotBlank();
            assertThat(section.path("source").asText()).as(section.get("name").asText()).isNotBlank();
            for (JsonNode step : section.get("steps")) {
                assertThat(step.path("do").asText()).as(step.toString()).isNotBlank();
                assertThat(step.path("as").asText()).as(step.toString()).isNotBlank();
                assertThat(step.path("path").asText()).as(step.toString()).startsWith("/api/v1/");
                JsonNode body = step.path("body");
                if (body.isTextual() && body.asText().startsWith("@")) {
                    assertThat(file.resolveSibling(body.asText().substring(1))).as(step.toString()).exists();
                }
            }
        }
    }
}
