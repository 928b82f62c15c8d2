package id.kotacerdas.platform.web;

/**
 * What every text a service accepts must be: text. PostgreSQL cannot store the NUL character ({@code \u0000}) in
 * {@code text}, {@code varchar} or {@code jsonb}, and no field of the suite holds other control characters (C0, DEL,
 * C1) than tab, CR and LF: such text is refused with a {@code 400} that names the field instead of being stored or
 * failing in the database as a {@code 500}. Applied to every parameter ({@link ParamConverters}) and to every string
 * of every JSON body ({@link StrictJson}).
 */
public final class TextRules {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private TextRules() {
    }

    public static boolean storable(String text) {
        return refusal(text) == null;
    }

    /** Why the text is refused, or {@code null} when it is acceptable. */
    public static String refusal(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL_MESSAGE;
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r' && c != '\n') {
                return "must not contain control characters other than tab, CR and LF (found U+%04X)".formatted((int) c);
            }
        }
        return null;
    }

    /** The text itself, or a {@code 400} problem naming the field. */
    public static String requireStorable(String field, String text) {
        String refusal = refusal(text);
        if (refusal != null) {
            throw ProblemException.badRequest(field, refusal);
        }
        return text;
    }
}
