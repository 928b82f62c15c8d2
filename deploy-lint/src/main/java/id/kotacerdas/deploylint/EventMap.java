package id.kotacerdas.deploylint;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The topics the suite needs, from its own documents: every topic of README.md's event map (section "Events: who
 * publishes what, who listens"), every topic a consumer channel reads ({@code mp.messaging.incoming.<channel>.topic}
 * in the services' and the platform's configuration) and its dead-letter topic ({@code <topic>.dlq}, the inbox's rule,
 * or the channel's own {@code dead-letter-queue.topic}).
 */
public final class EventMap {

    private static final Pattern TOPIC = Pattern.compile("`(kotacerdas\\.[a-z0-9-]+\\.v[0-9]+)`");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    private static final Pattern DEAD_LETTER = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    private static final String SECTION = "## Events: who publishes what, who listens";

    private EventMap() {
    }

    /** The event topics of the README's event map. */
    public static SortedSet<String> readmeTopics(Path root) {
        String readme = readString(root.resolve("README.md"));
        int start = readme.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException("README.md has no section \"" + SECTION.substring(3) + "\"");
        }
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        SortedSet<String> topics = new TreeSet<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = TOPIC.matcher(line.substring(0, line.indexOf('|', 2)));
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        return topics;
    }

    /** Every topic the suite needs: the README's, the consumed ones and their dead-letter topics. */
    public static SortedSet<String> requiredTopics(Path root) {
        SortedSet<String> topics = new TreeSet<>(readmeTopics(root));
        for (Path file : configurationFiles(root)) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String name : properties.stringPropertyNames()) {
                String value = properties.getProperty(name).trim();
                if (INCOMING.matcher(name).matches()) {
                    topics.add(value);
                    topics.add(value + ".dlq");
                } else if (DEAD_LETTER.matcher(name).matches()) {
                    topics.add(value);
                }
            }
        }
        return topics;
    }

    /** The services' application.properties and the platform modules' microprofile-config.properties. */
    static List<Path> configurationFiles(Path root) {
        try (Stream<Path> modules = Files.list(root); Stream<Path> platform = Files.list(root.resolve("platform"))) {
            Stream<Path> apps = modules.map(m -> m.resolve("src/main/resources/application.properties"));
            Stream<Path> libs = platform.map(m -> m.resolve("src/main/resources/META-INF/microprofile-config.properties"));
            return Stream.concat(apps, libs).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
