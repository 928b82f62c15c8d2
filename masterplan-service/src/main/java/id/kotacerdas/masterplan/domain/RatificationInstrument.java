package id.kotacerdas.masterplan.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The regional instrument that enacts a masterplan (Perwa 25/2019 Pontianak, Pergub DIY 46/2019, Perda Depok 2/2019).
 * Regions write the same kind in several ways (Perwali, Perwal, Perwa, Peraturan Wali Kota): {@link #resolve} maps
 * each name used in practice onto its kind, ignoring case, spaces, dots and hyphens.
 */
public enum RatificationInstrument {
    /** Peraturan Wali Kota. */
    PERWALI("Perwal", "Perwa", "Perwako", "Peraturan Walikota", "Peraturan Wali Kota"),
    /** Peraturan Bupati. */
    PERBUP("Peraturan Bupati"),
    /** Peraturan Gubernur. */
    PERGUB("Peraturan Gubernur"),
    /** Peraturan Daerah. */
    PERDA("Peraturan Daerah"),
    /** Surat Keputusan of the regional head. */
    SK("Keputusan", "Surat Keputusan", "Keputusan Walikota", "Keputusan Wali Kota", "Keputusan Bupati",
            "Keputusan Gubernur", "Kepwal", "Kepbup", "Kepgub", "SK Walikota", "SK Wali Kota", "SK Bupati",
            "SK Gubernur");

    private final List<String> aliases;

    RatificationInstrument(String... aliases) {
        this.aliases = List.of(aliases);
    }

    private static final Map<String, RatificationInstrument> BY_KEY = new LinkedHashMap<>();

    static {
        for (RatificationInstrument kind : values()) {
            BY_KEY.put(key(kind.name()), kind);
            for (String alias : kind.aliases) {
                BY_KEY.put(key(alias), kind);
            }
        }
    }

    /** The names that stand for this kind besides its own code. */
    public List<String> aliases() {
        return aliases;
    }

    /** The kind a name stands for (case, spaces, dots and hyphens do not matter), or empty. */
    public static Optional<RatificationInstrument> resolve(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
    }

    /** Every accepted name: each code followed by its aliases. */
    public static List<String> acceptedNames() {
        List<String> names = new ArrayList<>();
        for (RatificationInstrument kind : values()) {
            names.add(kind.name());
            names.addAll(kind.aliases);
        }
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s.\\-_]", "");
    }
}
