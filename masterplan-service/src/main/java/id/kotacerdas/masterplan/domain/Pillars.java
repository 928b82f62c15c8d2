package id.kotacerdas.masterplan.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the pillar names found in the wild onto the six official pillars. Regional documents name the pillars in the
 * programme's own words ("Smart Governance"), as bare codes ("GOVERNANCE"), or after other frameworks: the Tabanan
 * report 2022 lists Governance, Infrastructure, Economy, Living, People, Environment; the Sumedang report 2022
 * Economy, Life, Living, People, Mobility, Governance (Giffinger/Cohen style).
 *
 * <p>Only what the sources support is mapped: <b>People</b> is the programme's Society pillar (its elements are
 * community, learning and security), and <b>Mobility</b> is the transportation element of the Living pillar (ICOSAG
 * 2022). "Infrastructure" and "Life" map to no pillar (infrastructure cuts across all six; "Life" stands beside
 * "Living" in the Sumedang list, so it is not the same pillar): such a name is refused, never guessed or dropped.
 *
 * <p>Matching ignores case, spaces, hyphens, underscores and a leading "Smart": "smart-people", "Smart People" and
 * "PEOPLE" are one name.
 */
public final class Pillars {

    /** Accepted names (normalised) to their pillar, in the order they are listed to callers. */
    private static final Map<String, Pillar> NAMES;
    /** The accepted names as shown to callers. */
    private static final List<String> ACCEPTED;

    static {
        Map<String, Pillar> names = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            accept(names, accepted, p.name(), p);
            accept(names, accepted, p.displayName(), p);
        }
        accept(names, accepted, "Smart People", Pillar.SOCIETY);
        accept(names, accepted, "Smart Mobility", Pillar.LIVING);
        NAMES = Collections.unmodifiableMap(names);
        ACCEPTED = List.copyOf(accepted);
    }

    private Pillars() {
    }

    private static void accept(Map<String, Pillar> names, List<String> accepted, String name, Pillar pillar) {
        names.put(normalise(name), pillar);
        accepted.add(name);
    }

    /** The pillar a name stands for, or empty when it stands for none. */
    public static Optional<Pillar> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(NAMES.get(normalise(name)));
    }

    /** Every name that is accepted, canonical codes first ("GOVERNANCE", "Smart Governance", …, "Smart People", "Smart Mobility"). */
    public static List<String> acceptedNames() {
        return ACCEPTED;
    }

    /** The aliases of a pillar beyond its code and display name. */
    public static List<String> aliasesOf(Pillar pillar) {
        List<String> aliases = new ArrayList<>();
        for (String name : ACCEPTED) {
            if (NAMES.get(normalise(name)) == pillar && !name.equals(pillar.name()) && !name.equals(pillar.displayName())) {
                aliases.add(name);
            }
        }
        return aliases;
    }

    static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-.]+", "");
        return plain.startsWith("smart") && plain.length() > "smart".length() ? plain.substring("smart".length()) : plain;
    }
}
