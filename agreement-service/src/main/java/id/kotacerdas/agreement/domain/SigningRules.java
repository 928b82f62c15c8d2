package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an MoU must say before it can be signed, and how a signatory is recorded honestly. A signing needs its date
 * (not after today), the local venue and both signatories. A record of a past signing may instead say explicitly
 * that a signatory or the venue is not known, and must then name its sources (a news report): nothing is invented.
 */
public final class SigningRules {

    private SigningRules() {
    }

    /**
     * The rules a signatory must follow wherever it is given: a known signatory has a name and a position; a
     * signatory marked not known has no name (what is known, such as the office, may stay).
     */
    public static List<Violation> checkSignatory(String field, MouDocument.Signatory s) {
        List<Violation> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        if (s.known()) {
            if (blank(s.name())) {
                out.add(new Violation(field + ".name", "is required for a known signatory; if the source does not say"
                        + " who signed, send known: false with the source in sources"));
            }
            if (blank(s.position())) {
                out.add(new Violation(field + ".position", "is required for a known signatory"));
            }
        } else if (!blank(s.name())) {
            out.add(new Violation(field + ".name", "must be absent when the signatory is not known"));
        }
        return out;
    }

    /** Whether the document admits that something is not known (then it must name its sources). */
    public static boolean admitsUnknowns(MouDocument d) {
        return Boolean.FALSE.equals(d.localVenueKnown())
                || d.firstPartySignatory() != null && !d.firstPartySignatory().known()
                || d.secondPartySignatory() != null && !d.secondPartySignatory().known();
    }

    /** What the document still lacks to be signed; empty when it can be. */
    public static List<Violation> missingForSigning(MouDocument d) {
        List<Violation> out = new ArrayList<>();
        if (blank(d.localVenue()) && !Boolean.FALSE.equals(d.localVenueKnown())) {
            out.add(new Violation("localVenue", "is required to sign (or localVenueKnown: false, with a source)"));
        }
        if (d.firstPartySignatory() == null) {
            out.add(new Violation("firstPartySignatory", "is required to sign: who signed for pihak pertama"
                    + " (or known: false, with a source)"));
        }
        if (d.secondPartySignatory() == null) {
            out.add(new Violation("secondPartySignatory", "is required to sign: who signed for pihak kedua"
                    + " (or known: false, with a source)"));
        }
        if (admitsUnknowns(d) && d.sourcesOrEmpty().isEmpty()) {
            out.add(new Violation("sources", "must name where the record comes from when something is not known"));
        }
        return out;
    }

    /** A signing date must not be after today. */
    public static Violation checkNotFuture(String field, LocalDate day, LocalDate today) {
        if (day != null && day.isAfter(today)) {
            return new Violation(field, "must not be in the future (today is " + today + ")");
        }
        return null;
    }

    /** A programme act's date must not be before the programme began ({@link Occurred#PROGRAMME_START}, 2017). */
    public static Violation checkNotBeforeProgramme(String field, LocalDate day) {
        if (day != null && day.isBefore(Occurred.PROGRAMME_START)) {
            return new Violation(field, "lies before the programme began (" + Occurred.PROGRAMME_START + ")");
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
