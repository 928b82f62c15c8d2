package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: the AsyncAPI document lists what the service consumes, not only what it publishes. Every incoming channel
 * of the configuration ({@code mp.messaging.incoming.<channel>.topic}) is a channel of the document (its address) with
 * a {@code receive} operation naming the consumer group {@code assessment-service.<channel>}.
 */
class ConsumedChannelsDocumentedTest {

    static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z-]+)\\.topic");

    @Test
    void everyConsumedTopicIsAReceiveOperationOfTheDocument() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        String asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int consumed = 0;
        for (String key : config.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (!m.matches()) {
                continue;
            }
            consumed++;
            String channel = m.group(1);
            String topic = config.getProperty(key);
            assertThat(asyncApi).as(topic).contains("address: " + topic);
            // the receive operation of that channel names the consumer group
            Matcher operation = Pattern.compile("action: receive\\n\\s+channel:\\n\\s+\\$ref: '#/channels/(\\w+)'\\n"
                    + "\\s+description: Consumer group `assessment-service\\." + Pattern.quote(channel) + "`").matcher(asyncApi);
            assertThat(operation.find()).as("a receive operation for " + channel).isTrue();
            assertThat(asyncApi).as("its channel is " + topic)
                    .containsPattern("\\n  " + operation.group(1) + ":\\n    address: " + Pattern.quote(topic) + "\\n");
        }
        assertThat(consumed).as("the service consumes the agreement and masterplan topics").isEqualTo(2);
    }
}
