package id.kotacerdas.masterplan.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a masterplan against the region's RPJMD periods (Rencana Pembangunan Jangka Menengah Daerah, from
 * region-service's profile events): the roadmap is meant to be aligned with the RPJMD (Kota Pariaman against RPJMD
 * 2018–2023). What does not fit is a finding, a warning on the document, never a rejection: a masterplan may well
 * reach beyond the current RPJMD, and the next one may not be enacted yet.
 */
public final class Alignment {

    /** The kinds of finding. */
    public enum Kind {
        /** The region's RPJMD periods are not known (no profile event has arrived): nothing could be checked. */
        RPJMD_UNKNOWN,
        /** A roadmap year lies outside every RPJMD period. */
        ROADMAP_YEAR_OUTSIDE_RPJMD,
        /** A programme names no RPJMD programme or goal it serves. */
        PROGRAMME_WITHOUT_RPJMD_REFERENCE
    }

    /** One RPJMD period, first and last year inclusive. */
    public record RpjmdPeriod(int startYear, int endYear, String regulation) {

        boolean contains(int year) {
            return year >= startYear && year <= endYear;
        }
    }

    /** One finding: what, where in the document, and a sentence for people. */
    public record Finding(Kind kind, String field, String message) {
    }

    private Alignment() {
    }

    /**
     * The findings of a document against the periods; {@code periods} is {@code null} when the region's RPJMD is not
     * known at all (an empty list means the region has none, e.g. a Jakarta administrative unit).
     */
    public static List<Finding> check(MasterplanDocument doc, List<RpjmdPeriod> periods) {
        List<Finding> findings = new ArrayList<>();
        if (periods == null) {
            findings.add(new Finding(Kind.RPJMD_UNKNOWN, "roadmap",
                    "the region's RPJMD periods are not known yet (no region profile received): the roadmap could not be checked"));
        } else {
            String known = periods.isEmpty() ? "the region has no RPJMD period"
                    : "RPJMD " + String.join(", ", periods.stream().sorted(Comparator.comparingInt(RpjmdPeriod::startYear))
                            .map(p -> p.startYear() + "–" + p.endYear()).toList());
            List<MasterplanDocument.RoadmapYear> roadmap = doc.roadmap();
            for (int i = 0; i < roadmap.size(); i++) {
                int year = roadmap.get(i).year();
                if (periods.stream().noneMatch(p -> p.contains(year))) {
                    findings.add(new Finding(Kind.ROADMAP_YEAR_OUTSIDE_RPJMD, "roadmap[" + i + "].year",
                            "roadmap year " + year + " lies outside every RPJMD period (" + known + ")"));
                }
            }
        }
        List<MasterplanDocument.Programme> programmes = doc.programmes();
        for (int i = 0; i < programmes.size(); i++) {
            MasterplanDocument.Programme p = programmes.get(i);
            if (p.rpjmdReference() == null || p.rpjmdReference().isBlank()) {
                findings.add(new Finding(Kind.PROGRAMME_WITHOUT_RPJMD_REFERENCE, "programmes[" + i + "].rpjmdReference",
                        "programme " + (p.code() == null ? "" : p.code() + " ") + "\"" + p.title()
                                + "\" names no RPJMD programme or goal it serves"));
            }
        }
        return findings;
    }
}
