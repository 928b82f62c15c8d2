package id.kotacerdas.deploylint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics of the suites outside the chart (deploy/local, deploy/compose): a broker auto-creates them with its
 * {@code num.partitions}, or a service creates the ones it declares ({@code kotacerdas.kafka.topics."<topic>".partitions}).
 * Either way each needs at least as many partitions as instances of a consumer group may run there (deploy/local/up's
 * REPLICAS_MAX), or the surplus instances of a group sit idle and a killed instance's partitions wait for it.
 */
public final class LocalTopics {

    private static final Pattern DECLARED = Pattern.compile(
            "(?m)^(?:%[\\w,-]+\\.)?kotacerdas\\.kafka\\.topics\\.\"([^\"]+)\"\\.partitions\\s*=\\s*(\\d+)\\s*$");
    private static final Pattern NUM_PARTITIONS = Pattern.compile("(?m)^num\\.partitions\\s*=\\s*(\\d+)\\s*$");
    private static final Pattern REPLICAS_MAX = Pattern.compile("(?m)^REPLICAS_MAX=(\\d+)\\s*$");

    private LocalTopics() {
    }

    /** deploy/local/lib.sh's REPLICAS_MAX: the most instances of a service deploy/local/up starts; 1 without it. */
    public static int replicasMax(String libSh) {
        Matcher m = REPLICAS_MAX.matcher(libSh);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** A broker's num.partitions (server.properties); Kafka's default, 1, when absent. */
    public static int brokerPartitions(String serverProperties) {
        Matcher m = NUM_PARTITIONS.matcher(serverProperties);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The partitions an application.properties declares per topic. */
    public static Map<String, Integer> declared(String applicationProperties) {
        Map<String, Integer> topics = new TreeMap<>();
        Matcher m = DECLARED.matcher(applicationProperties);
        while (m.find()) {
            topics.merge(m.group(1), Integer.parseInt(m.group(2)), Math::min);
        }
        return topics;
    }

    /**
     * @param broker where the broker's default comes from (for the message)
     * @param brokerPartitions the partitions of an auto-created topic
     * @param declared per application, the partitions of the topics it creates
     * @param replicas the most instances of one consumer group
     */
    public static List<String> check(String broker, int brokerPartitions, Map<String, Map<String, Integer>> declared,
            int replicas) {
        List<String> problems = new ArrayList<>();
        if (brokerPartitions < replicas) {
            problems.add(broker + ": topics auto-created with " + brokerPartitions + " partitions, fewer than the "
                    + replicas + " instances a consumer group may run");
        }
        declared.forEach((app, topics) -> topics.forEach((topic, partitions) -> {
            if (partitions < replicas) {
                problems.add(app + ": topic " + topic + " created with " + partitions + " partitions, fewer than the "
                        + replicas + " instances a consumer group may run");
            }
        }));
        return problems;
    }
}
