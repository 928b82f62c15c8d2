package id.kotacerdas.assessment.service;

/**
 * The answer of a record-from-source write, idempotent by the fact's natural key: the fact as stored, and whether
 * this write created it ({@code false}: the same fact was already recorded with the same content; nothing written).
 */
public record Recorded<T>(T value, boolean created) {

    public static <T> Recorded<T> created(T value) {
        return new Recorded<>(value, true);
    }

    public static <T> Recorded<T> already(T value) {
        return new Recorded<>(value, false);
    }
}
