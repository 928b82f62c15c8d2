package id.kotacerdas.platform.web;

/**
 * What every text a service accepts must be: storable. PostgreSQL cannot store the NUL character
 * ({@code \u0000}) in {@code text}, {@code varchar} or {@code jsonb}; such text is refused with a {@code 400} that
 * names the field instead of failing in the database as a {@code 500}. Applied to every parameter
 * ({@link ParamConverters}) and to every string of every JSON body ({@link JsonTextCustomizer}).
 */
public final class TextRules {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private TextRules() {
    }

    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** The text itself, or a {@code 400} problem naming the field. */
    public static String requireStorable(String field, String text) {
        if (!storable(text)) {
            throw ProblemException.badRequest(field, NUL_MESSAGE);
        }
        return text;
    }
}
