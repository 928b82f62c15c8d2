package id.kotacerdas.platform.web;

/**
 * The {@code sort} query parameter of every list: one sortable field, {@code -} in front for descending ({@code +}
 * or nothing for ascending), e.g. {@code -signedOn}. Each resource validates the field against its own list with a
 * {@code @Pattern} built by {@link #regex(String...)}, so a wrong field is a {@code 400} naming {@code sort}; this
 * class only reads the accepted value.
 *
 * @param field      the field name, without the sign
 * @param descending whether {@code -} was given
 */
public record SortOrder(String field, boolean descending) {

    /** The accepted values of a {@code sort} parameter over these fields: {@code [-+]?(a|b|c)}. */
    public static String regex(String... fields) {
        return "[-+]?(" + String.join("|", fields) + ")";
    }

    /** The order a validated {@code sort} value asks for; {@code null} when none was given. */
    public static SortOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        boolean descending = sort.startsWith("-");
        String field = sort.startsWith("-") || sort.startsWith("+") ? sort.substring(1) : sort;
        return new SortOrder(field, descending);
    }

    /** The field as a constant of {@code type} (a repository's sort enum), or {@code null} for no order. */
    public static <E extends Enum<E>> E field(SortOrder order, Class<E> type) {
        return order == null ? null : Enum.valueOf(type, order.field());
    }

    /** Whether the order, if any, is descending. */
    public static boolean descending(SortOrder order) {
        return order != null && order.descending();
    }
}
