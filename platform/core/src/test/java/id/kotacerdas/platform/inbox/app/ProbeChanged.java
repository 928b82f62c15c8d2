package id.kotacerdas.platform.inbox.app;

/**
 * The data of the probe event {@value #TYPE}: a key got a value. {@code failTimes} makes the probe
 * consumer fail that many attempts first (a transient outage); {@code poison} makes it declare the
 * event poison after writing.
 */
public record ProbeChanged(String key, String value, Integer failTimes, Boolean poison) {

    public static final String TYPE = "id.kotacerdas.test.ProbeChanged.v1";
}
