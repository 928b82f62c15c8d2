package id.kotacerdas.agreement.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of document an MoU is. The programme's agreement goes by several names in letters and news reports
 * ({@code Nota Kesepakatan (Bersama)}, {@code MoU}, {@code nota kesepahaman}, {@code perjanjian kerja sama}); they
 * are aliases of one kind, so a search or a count never splits one agreement into four (DOMAIN.md §3).
 */
public enum DocumentKind {
    NOTA_KESEPAKATAN("Nota Kesepakatan", List.of("Nota Kesepakatan", "Nota Kesepakatan Bersama", "MoU", "MOU",
            "Memorandum of Understanding", "Nota Kesepahaman", "Perjanjian Kerja Sama", "Perjanjian Kerjasama", "PKS"));

    private final String label;
    private final List<String> aliases;

    DocumentKind(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /** The name the programme uses. */
    public String label() {
        return label;
    }

    /** Every name the kind is known by. */
    public List<String> aliases() {
        return aliases;
    }

    /** The kind a name in the wild means, whatever its case, spacing or hyphens ("nota  kesepahaman", "MoU"). */
    public static Optional<DocumentKind> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = normalize(name);
        for (DocumentKind kind : values()) {
            if (normalize(kind.name()).equals(wanted) || kind.aliases.stream().anyMatch(a -> normalize(a).equals(wanted))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every alias of every kind, for messages and documents. */
    public static List<String> allAliases() {
        return java.util.Arrays.stream(values()).flatMap(k -> k.aliases.stream()).toList();
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
