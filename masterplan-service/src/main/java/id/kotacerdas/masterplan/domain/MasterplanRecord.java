package id.kotacerdas.masterplan.domain;

import id.kotacerdas.platform.time.Occurred;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A masterplan known only by its ratification (or a region's self-made plan), as its sources give it: recorded after
 * the fact, never worked through the live workflow. Nothing the sources do not give is invented: the instrument, its
 * number and its date may each be unknown ({@code null}), and the plan's content (vision, pillars, quick wins,
 * roadmap) is never recorded.
 *
 * <p>Its natural key: (region, programme year); a self-made plan recorded without a programme year is identified by
 * (region, its instrument's number). The same key again with the same content is the same fact (an importer's
 * replay); with different content it is a correction, not a second record ({@link #firstDifference}).
 *
 * @param occurred the ratification's date as the source gives it (DAY, MONTH or YEAR), already checked; {@code null}
 *                 when the source gives none
 */
public record MasterplanRecord(String regionCode, Integer programmeYear, boolean selfMade, String title,
        RatificationInstrument instrument, String instrumentName, String number, Occurred occurred,
        List<Masterplan.Source> sources) {

    public MasterplanKind kind() {
        return selfMade ? MasterplanKind.SELF_MADE : MasterplanKind.GUIDED;
    }

    public MasterplanRecord withOccurred(Occurred checked) {
        return new MasterplanRecord(regionCode, programmeYear, selfMade, title, instrument, instrumentName, number,
                checked, sources);
    }

    /**
     * The ratification as stored: its day as {@code date} when the source gives the day, its year when it gives at
     * least the year, and the source's date as {@code occurred}.
     */
    public Masterplan.Ratification ratification(String recordedBy, OffsetDateTime recordedAt) {
        return new Masterplan.Ratification(instrument, number, occurred == null ? null : occurred.year(),
                occurred != null && occurred.precision() == Occurred.Precision.DAY ? occurred.firstDay() : null, null,
                recordedBy, recordedAt, List.copyOf(sources), instrument == null ? null : instrumentName, occurred,
                null, null);
    }

    /**
     * The first field (by the write's field names) in which a stored masterplan differs from this record, or
     * {@code null} when it holds the same fact. The instrument is compared by its kind (Perwa and Perwali are the
     * same instrument).
     */
    public String firstDifference(Masterplan stored) {
        if (stored.kind != kind()) {
            return "selfMade";
        }
        if (!Objects.equals(stored.programmeYear, programmeYear)) {
            return "programmeYear";
        }
        if (!Objects.equals(stored.title, title)) {
            return "title";
        }
        Masterplan.Ratification r = stored.ratification;
        if (r == null) {
            return "ratification";
        }
        if (r.instrument() != instrument) {
            return "ratification.instrument";
        }
        if (!Objects.equals(r.number(), number)) {
            return "ratification.number";
        }
        if (!Objects.equals(r.actDate(), occurred)) {
            return "ratification.occurred";
        }
        if (!Objects.equals(r.sources() == null ? List.of() : r.sources(), sources)) {
            return "sources";
        }
        return null;
    }
}
