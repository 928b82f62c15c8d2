package id.kotacerdas.region.service;

import id.kotacerdas.region.domain.TimelineEntry.DatePrecision;
import id.kotacerdas.region.domain.TimelineKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A timeline fact as a consumer read it from an event, before it is stored: the region (as the event names it), the
 * fact key that identifies it on the region's timeline, what and when it happened (from the payload), a summary and
 * the salient facts.
 */
public record EntryDraft(String regionCode, String factKey, TimelineKind kind, LocalDate occurredOn,
        OffsetDateTime occurredAt, DatePrecision precision, Integer programmeYear, String summary,
        Map<String, Object> facts, String identity) {

    public EntryDraft(String regionCode, String factKey, TimelineKind kind, LocalDate occurredOn,
            OffsetDateTime occurredAt, DatePrecision precision, Integer programmeYear, String summary,
            Map<String, Object> facts) {
        this(regionCode, factKey, kind, occurredOn, occurredAt, precision, programmeYear, summary, facts, null);
    }

    /** The programme's dates are Indonesian: an instant's day is its day in Jakarta (WIB). */
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    public static EntryDraft at(String regionCode, String factKey, TimelineKind kind, OffsetDateTime at,
            Integer programmeYear, String summary, Map<String, Object> facts) {
        return new EntryDraft(regionCode, factKey, kind, at.atZoneSameInstant(JAKARTA).toLocalDate(), at,
                DatePrecision.INSTANT, programmeYear, summary, facts);
    }

    public static EntryDraft on(String regionCode, String factKey, TimelineKind kind, LocalDate day,
            Integer programmeYear, String summary, Map<String, Object> facts) {
        return new EntryDraft(regionCode, factKey, kind, day, null, DatePrecision.DAY, programmeYear, summary, facts);
    }

    public static EntryDraft inYear(String regionCode, String factKey, TimelineKind kind, int year,
            Integer programmeYear, String summary, Map<String, Object> facts) {
        return new EntryDraft(regionCode, factKey, kind, LocalDate.of(year, 1, 1), null, DatePrecision.YEAR,
                programmeYear, summary, facts);
    }

    /** A fact known only by its year that closes a year's work (e.g. a ratification whose day is not known): 31 December. */
    public static EntryDraft byEndOf(String regionCode, String factKey, TimelineKind kind, int year,
            Integer programmeYear, String summary, Map<String, Object> facts) {
        return new EntryDraft(regionCode, factKey, kind, LocalDate.of(year, 12, 31), null, DatePrecision.YEAR,
                programmeYear, summary, facts);
    }

    public EntryDraft withRegion(String code) {
        return new EntryDraft(code, factKey, kind, occurredOn, occurredAt, precision, programmeYear, summary, facts, identity);
    }

    /**
     * The fact whose value identifies the fact this entry records beyond its event (a masterplan's ratification by
     * its {@code masterplanId}, a local commitment by its {@code commitmentId}, a recorded MoU by its {@code mouId}),
     * for entries keyed by their event: a correction finds the entry it replaces by it (same region, topic and kind).
     */
    public EntryDraft identifiedBy(String fact) {
        return new EntryDraft(regionCode, factKey, kind, occurredOn, occurredAt, precision, programmeYear, summary, facts, fact);
    }

    /** The value of {@link #identity}, or {@code null}. */
    public String identityValue() {
        Object v = identity == null || facts == null ? null : facts.get(identity);
        return v == null ? null : v.toString();
    }
}
