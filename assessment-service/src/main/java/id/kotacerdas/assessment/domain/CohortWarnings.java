package id.kotacerdas.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cohort's figures do not settle, said in the read instead of silently: more members identified than the
 * ministry declared ({@link #MORE_MEMBERS_THAN_DECLARED}), more repeats identified than declared
 * ({@link #MORE_REPEATS_THAN_DECLARED}, e.g. 2019: none declared, though Kota Depok and Kabupaten Banyumas are in the
 * 2018 and 2019 lists), and members whose source does not settle their membership ({@link #UNCERTAIN_MEMBERS}:
 * confidence {@code partial}). Sources that contradict each other about one member are not modelled (a member has one
 * source). Pure: no I/O.
 */
public final class CohortWarnings {

    public static final String MORE_MEMBERS_THAN_DECLARED = "MORE_MEMBERS_THAN_DECLARED";
    public static final String MORE_REPEATS_THAN_DECLARED = "MORE_REPEATS_THAN_DECLARED";
    public static final String UNCERTAIN_MEMBERS = "UNCERTAIN_MEMBERS";

    private CohortWarnings() {
    }

    /**
     * A warning: its code, what it means with the figures, the two figures compared (null for {@link #UNCERTAIN_MEMBERS})
     * and the regions concerned (empty when the figures alone say it).
     */
    public record Warning(String code, String message, Integer declared, Integer identified, List<String> regionCodes) {
    }

    /**
     * The warnings of a cohort (year and track).
     *
     * @param declaredSize the ministry's declared size, null when it declared none (then no comparison)
     * @param declaredRepeats the declared repeats, null when none declared
     * @param identified the distinct identified members
     * @param identifiedRepeats identified members that were members of an earlier year of the track
     * @param uncertain the codes of members whose source leaves their membership in doubt
     */
    public static List<Warning> of(int year, Track track, Integer declaredSize, Integer declaredRepeats, int identified,
            int identifiedRepeats, List<String> uncertain) {
        List<Warning> out = new ArrayList<>();
        String cohort = "the " + year + " " + track + " cohort";
        if (declaredSize != null && identified > declaredSize) {
            out.add(new Warning(MORE_MEMBERS_THAN_DECLARED, identified + " members of " + cohort + " are identified "
                    + "from sources, " + (identified - declaredSize) + " more than the " + declaredSize
                    + " the ministry declared: a source or the declared size is wrong; both are kept.",
                    declaredSize, identified, List.of()));
        }
        if (declaredRepeats != null && identifiedRepeats > declaredRepeats) {
            out.add(new Warning(MORE_REPEATS_THAN_DECLARED, identifiedRepeats + " identified members of " + cohort
                    + " were members of an earlier year of the track; the ministry declared " + declaredRepeats
                    + " repeats, so its distinct participants may be overcounted by " + (identifiedRepeats - declaredRepeats)
                    + ".", declaredRepeats, identifiedRepeats, List.of()));
        }
        if (uncertain != null && !uncertain.isEmpty()) {
            out.add(new Warning(UNCERTAIN_MEMBERS, uncertain.size() + " member" + (uncertain.size() == 1 ? "" : "s")
                    + " of " + cohort + " rest on a source that leaves the membership in doubt (confidence partial; "
                    + "see each member's notes).", null, null, List.copyOf(uncertain)));
        }
        return out;
    }
}
