package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.time.Occurred;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is recorded of an MoU known only by its signing (issue 18, item 2): the day (with its precision), the number
 * where the source gives one, the ceremony as the source names it, and the sources. Everything else of such an MoU
 * is unknown (signatories {@code known: false}, no venue, no validity), never invented. The natural key, region and
 * programme year, is not part of it. Two recordings of the same key are the same fact when these are equal
 * ({@link #firstDifference}); the importer relies on it to run twice.
 *
 * @param signedOn normalized (its precision filled in)
 * @param number {@code null} when not known
 * @param numberKnown whether the source gives the number
 * @param ceremony {@code null} when the source names none
 */
public record RecordedSigning(Occurred signedOn, String number, boolean numberKnown, String ceremony,
        List<MouDocument.Source> sources) {

    public RecordedSigning {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** As stored in the MoU. */
    public static RecordedSigning of(Mou m) {
        return new RecordedSigning(m.signed(), m.recordedNumber, Boolean.TRUE.equals(m.numberKnown), m.recordedCeremony,
                m.content == null ? List.of() : m.content.sourcesOrEmpty());
    }

    /**
     * The first field (in the order of the request: {@code signedOn}, {@code number}, {@code numberKnown},
     * {@code ceremony}, {@code sources}) in which {@code other} differs from this, or empty when they are the same.
     */
    public Optional<String> firstDifference(RecordedSigning other) {
        if (!Objects.equals(signedOn, other.signedOn)) {
            return Optional.of("signedOn");
        }
        if (!Objects.equals(number, other.number)) {
            return Optional.of("number");
        }
        if (numberKnown != other.numberKnown) {
            return Optional.of("numberKnown");
        }
        if (!Objects.equals(ceremony, other.ceremony)) {
            return Optional.of("ceremony");
        }
        if (!sources.equals(other.sources)) {
            return Optional.of("sources");
        }
        return Optional.empty();
    }

    /**
     * This record with the changes of a correction applied ({@code null}: unchanged). A number given makes it known;
     * {@code numberKnown: false} without a number makes it unknown. {@code null} when the number and
     * {@code numberKnown} given contradict each other.
     */
    public RecordedSigning with(Occurred newSignedOn, String newNumber, Boolean newNumberKnown, String newCeremony,
            List<MouDocument.Source> newSources) {
        String n = newNumber != null ? newNumber.strip() : Boolean.FALSE.equals(newNumberKnown) ? null : number;
        Boolean known = numberKnown(n, newNumberKnown != null ? newNumberKnown : newNumber != null ? Boolean.TRUE : null);
        if (known == null) {
            return null;
        }
        return new RecordedSigning(newSignedOn != null ? newSignedOn : signedOn, known ? n : null, known,
                newCeremony != null ? newCeremony : ceremony, newSources != null ? newSources : sources);
    }

    /** The value as the field names it in a request, for a message ("signedOn 2023-02-28 (DAY)"). */
    public String valueOf(String field) {
        return switch (field) {
            case "signedOn" -> signedOn == null ? "null" : signedOn.date() + " (" + signedOn.precision() + ")";
            case "number" -> String.valueOf(number);
            case "numberKnown" -> String.valueOf(numberKnown);
            case "ceremony" -> String.valueOf(ceremony);
            case "sources" -> sources.size() + " source(s)";
            default -> throw new IllegalArgumentException(field);
        };
    }

    /**
     * Whether the number is known: as given, else whether a number is given. {@code null} when the two contradict
     * (a number with {@code numberKnown: false}, or {@code numberKnown: true} without one).
     */
    public static Boolean numberKnown(String number, Boolean given) {
        boolean has = number != null && !number.isBlank();
        if (given == null) {
            return has;
        }
        return given == has ? given : null;
    }
}
