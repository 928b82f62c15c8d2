package id.kotacerdas.platform.registry;

/**
 * How complete the replica is: {@code held} entries of the newest registry version it has seen, which has
 * {@code size} records. Complete once it holds them all; an empty replica is incomplete.
 */
public record RegistryStatus(long version, int size, long held) {

    public static final RegistryStatus EMPTY = new RegistryStatus(0, 0, 0);

    public boolean complete() {
        return version > 0 && held >= size;
    }
}
