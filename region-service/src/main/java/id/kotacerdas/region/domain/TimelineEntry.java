package id.kotacerdas.region.domain;

import id.kotacerdas.platform.security.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One fact on a region's programme timeline: what happened ({@link #kind}), the day it happened as its payload says
 * (not when the event arrived), a short summary, the salient facts, and the event (or own profile) it comes from.
 * Keyed by region and fact key, so an event applied again, or one restating a fact, leaves one row.
 */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    /** How precise {@link #occurredOn} is. */
    public enum DatePrecision {
        /** The payload gives an instant ({@link #occurredAt}). */
        INSTANT,
        /** The payload gives a day (signedOn, date, completedOn …). */
        DAY,
        /** Only the month is known (an act recorded after the fact at MONTH precision): {@link #occurredOn} is its 1st. */
        MONTH,
        /** Only the year is known (a historical cohort): {@link #occurredOn} is 1 January of it. */
        YEAR
    }

    /** Where an entry comes from. */
    public enum SourceKind {
        /** An event of a consumed topic. */
        EVENT,
        /** region-service's own region profile (the Dewan Smart City SK). */
        PROFILE
    }

    /**
     * The timeline's order, the same as the SQL {@code ORDER BY} of {@code TimelineRepository}: the fact's day, the
     * kind's programme order, the instant (entries without one first), the event's {@code ce_time}, the event id,
     * the fact key. A total order on what the entries say, so the timeline never depends on arrival order.
     */
    public static final Comparator<TimelineEntry> ORDER = Comparator
            .comparing((TimelineEntry e) -> e.occurredOn)
            .thenComparingInt(e -> e.kindOrder)
            .thenComparing(e -> e.occurredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.sourceTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.sourceEventId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.factKey);

    @Id
    @Column(name = "entry_key")
    public String entryKey;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "fact_key")
    public String factKey;

    @Enumerated(EnumType.STRING)
    public TimelineKind kind;

    @Column(name = "kind_order")
    public int kindOrder;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision")
    public DatePrecision datePrecision;

    @Column(name = "programme_year")
    public Integer programmeYear;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind")
    public SourceKind sourceKind;

    @Column(name = "source_topic")
    public String sourceTopic;

    @Column(name = "source_type")
    public String sourceType;

    @Column(name = "source_event_id")
    public String sourceEventId;

    @Column(name = "source_time")
    public OffsetDateTime sourceTime;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;

    @Column(name = "profile_version")
    public Long profileVersion;

    /** Who may see this fact, as the producer of its event stated it (platform-web {@link Visibility}). */
    @Enumerated(EnumType.STRING)
    public Visibility visibility;

    /** LIVE (the live workflow) or RECORDED (recorded after the fact from its sources): the event's {@code origin}. */
    public String origin = "LIVE";

    /**
     * A recorded fact's sources as its event gives them (title, url, publishedOn), or {@code null}; stored as
     * {@code {"items": [...]}} (the reactive client maps a JSON column to an object, not to an array).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> sources;

    /** The sources as a list, or {@code null}. */
    @SuppressWarnings("unchecked")
    public List<Object> sourceList() {
        return sources == null ? null : (List<Object>) sources.get("items");
    }

    /** The fact's revision this entry shows: 1 from its creation event, then each correction's. */
    public int revision = 1;

    /** The last correction applied: {revision, reason, sources, at, previous}; {@code null} if never corrected. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> corrected;

    /** {revision, reason, sources, at} once the fact was withdrawn: the entry stays, but no longer counts. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> withdrawn;

    /** {reason, at, …} once the cycle or invitation the fact belongs to was cancelled: as {@link #withdrawn}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> cancelled;

    /** Whether the fact still counts: not withdrawn, not of a cancelled cycle or invitation (stage, dossier, reads). */
    public boolean counts() {
        return withdrawn == null && cancelled == null;
    }

    public static String key(String regionCode, String factKey) {
        return regionCode + "|" + factKey;
    }

    /**
     * Whether this entry should replace {@code existing} (the same fact key): the later statement of the fact wins —
     * the later instant, then the later event time, then the greater event id — so the kept row is the same whatever
     * order the statements came in.
     */
    public boolean supersedes(TimelineEntry existing) {
        Comparator<TimelineEntry> statement = Comparator
                .comparing((TimelineEntry e) -> e.occurredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.sourceTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.sourceEventId, Comparator.nullsFirst(Comparator.naturalOrder()));
        return statement.compare(this, existing) > 0;
    }

    /** The stage derivation's view of this entry. */
    public StageDerivation.Fact toFact() {
        Map<String, Object> f = facts == null ? Map.of() : facts;
        Object aggregate = f.containsKey("mouId") && kind.name().startsWith("MOU_") ? f.get("mouId") : f.get("masterplanId");
        Object year = f.get("year");
        // a recorded assessment has no cycle: its record id ties its invitation, submission and score to its outcome
        Object cycle = f.get("cycleId") != null ? f.get("cycleId") : f.get("recordId");
        return new StageDerivation.Fact(kind, programmeYear, string(cycle), string(aggregate),
                string(f.get("masterplanKind")), kind == TimelineKind.EVALUATED && year instanceof Number n ? n.intValue() : null);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
