package id.kotacerdas.platform.web;

/**
 * Parses query parameters so that a bad value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion of a query parameter with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Text that, when given, must not be empty or only blanks. */
    public static String text(String name, String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        if (raw.isBlank()) {
            throw ProblemException.badRequest(name, "must not be empty");
        }
        if (raw.length() > maxLength) {
            throw ProblemException.badRequest(name, "must be at most " + maxLength + " characters");
        }
        return raw;
    }
}
