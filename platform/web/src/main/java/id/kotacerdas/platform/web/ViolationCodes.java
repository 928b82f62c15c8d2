package id.kotacerdas.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable {@code code} of a violation and its message in Bahasa Indonesia (issue 25). The services write their
 * reasons in English (and Bean Validation its defaults); the kinds of reason a client acts on are recognised here, once,
 * so that a client can branch on {@code code} and translate it, and {@code Accept-Language: id} reads Indonesian. A
 * reason no rule knows is {@code invalid}, its message kept as written.
 */
public final class ViolationCodes {

    /** The code of a reason no rule knows. */
    public static final String INVALID = "invalid";

    private record Rule(Pattern pattern, String code, Function<Matcher, String> indonesian) {
    }

    private static Rule rule(String regex, String code, Function<Matcher, String> indonesian) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), code, indonesian);
    }

    private static final List<Rule> RULES = List.of(
            rule("^(?:is required|must not be null|is missing|must be given)(?:: (.+)| (.+))?$", "required",
                    m -> "wajib diisi" + (m.group(1) != null ? ": " + m.group(1)
                            : m.group(2) != null ? " (" + m.group(2) + ")" : "")),
            rule("^must not be (?:blank|empty)$", "blank", m -> "tidak boleh kosong"),
            rule("^size must be between (\\d+) and (\\d+)$", "size",
                    m -> "jumlah atau panjangnya harus antara " + m.group(1) + " dan " + m.group(2)),
            rule("^must be at most (\\d+) characters?$", "too-long", m -> "paling banyak " + m.group(1) + " karakter"),
            rule("^must be less than or equal to (\\S+)$", "too-large",
                    m -> "harus kurang dari atau sama dengan " + m.group(1)),
            rule("^must be greater than or equal to (\\S+)$", "too-small",
                    m -> "harus lebih dari atau sama dengan " + m.group(1)),
            rule("^must match \"(.*)\"$", "format", m -> "harus sesuai pola \"" + m.group(1) + "\""),
            rule("^must be 1 to 255 visible ASCII characters$", "format",
                    m -> "harus 1 sampai 255 karakter ASCII yang terlihat"),
            rule("^must be true or false$", "format", m -> "harus true atau false"),
            rule("^is ([A-Z][A-Z_]+)$", "state", m -> "berstatus " + m.group(1)),
            rule("^is set$", "state", m -> "sudah ditetapkan"),
            rule("^does not match the current version$", "stale", m -> "tidak cocok dengan versi saat ini"),
            rule("^was already used for a different request$", "reused", m -> "sudah dipakai untuk permintaan lain"),
            rule("^must not be in the future(.*)$", "future", m -> "tidak boleh di masa depan" + m.group(1)),
            rule("^no (?:autonomous )?region has the code (.*)$", "unknown-region",
                    m -> "tidak ada daerah dengan kode " + m.group(1)),
            rule("^no programme has the code (.*)$", "unknown-code", m -> "tidak ada program dengan kode " + m.group(1)));

    private ViolationCodes() {
    }

    /** The stable code of a reason written in English. */
    public static String of(String message) {
        if (message != null) {
            for (Rule r : RULES) {
                if (r.pattern.matcher(message).matches()) {
                    return r.code;
                }
            }
        }
        return INVALID;
    }

    /** The reason in Bahasa Indonesia, or as written when no rule knows it. */
    public static String indonesian(String message) {
        if (message != null) {
            for (Rule r : RULES) {
                Matcher m = r.pattern.matcher(message);
                if (m.matches()) {
                    return r.indonesian.apply(m);
                }
            }
        }
        return message;
    }
}
