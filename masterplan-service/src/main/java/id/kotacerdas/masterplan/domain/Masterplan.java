package id.kotacerdas.masterplan.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region's masterplan work for one programme year: the working document, its state on the way to ratification, the
 * reviews it got and the instrument that enacted it. One per region and year; a region has several over time (a
 * self-made one, a guided one, a revision). Versioned for optimistic concurrency ({@code If-Match}).
 */
@Entity
@Table(name = "masterplan")
public class Masterplan {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    /** The programme year; {@code null} only for a self-made plan recorded from its sources without one. */
    @Column(name = "programme_year")
    public Integer programmeYear;

    @Enumerated(EnumType.STRING)
    public MasterplanKind kind;

    public String title;

    /** How the work was opened: by a signed MoU, by hand, or recorded from its sources. */
    @Enumerated(EnumType.STRING)
    @Column(name = "opened_from")
    public MasterplanOrigin openedFrom;

    /**
     * {@code LIVE}: made through this suite's workflow; {@code RECORDED}: recorded from its sources after the fact
     * ({@code POST /api/v1/recorded-masterplans}), a record that never enters the live workflow.
     */
    @Enumerated(EnumType.STRING)
    public Origin origin = Origin.LIVE;

    @Column(name = "mou_id")
    public UUID mouId;

    @Column(name = "mou_signed_on")
    public LocalDate mouSignedOn;

    @Enumerated(EnumType.STRING)
    public MasterplanState state;

    @JdbcTypeCode(SqlTypes.JSON)
    public MasterplanDocument document;

    /**
     * {@code false} for a masterplan recorded from its sources: known only by its ratification, its vision, pillars,
     * quick wins and roadmap were not recorded (the stored document is empty and the reads show none).
     */
    @Column(name = "content_recorded")
    public boolean contentRecorded = true;

    /** How many versions were frozen (the number of the newest one). */
    @Column(name = "version_count")
    public int versionCount;

    @JdbcTypeCode(SqlTypes.JSON)
    public Reviews reviews = new Reviews(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    public Ratification ratification;

    @Column(name = "bimtek_completed_on")
    public LocalDate bimtekCompletedOn;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    /** The day the work was opened when it was recorded after the fact (its first day), else {@code null}. */
    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_precision")
    public Occurred.Precision openedPrecision;

    /** When a masterplan recorded from its sources was withdrawn with its ratification; it then leaves the lists. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /**
     * A reviewer's step: starting the review, asking for a revision (with comments per section), approving.
     * {@code occurred}: the step's own date when it was recorded after the fact, else {@code null} (it happened
     * {@code at}).
     */
    public record Review(int versionNumber, ReviewDecision decision, List<Comment> comments, String reviewer,
            OffsetDateTime at, Occurred occurred) {

        /** The step's date: given, else the day it was recorded. */
        @JsonIgnore
        public Occurred date() {
            return Occurred.orDayOf(occurred, at);
        }
    }

    /**
     * The reviews, oldest first. (JSON columns hold objects: Hibernate Reactive binds them as Vert.x
     * {@code JsonObject}s, so the list is wrapped.)
     */
    public record Reviews(List<Review> items) {

        public List<Review> items() {
            return items == null ? List.of() : items;
        }
    }

    public enum ReviewDecision {
        STARTED, REVISION_REQUESTED, APPROVED
    }

    /** A reviewer's comment on one section. */
    public record Comment(ReviewSection section, String comment) {
    }

    /**
     * The regional instrument that enacted the masterplan: e.g. Perwa No. 25/2019. {@code number} and {@code date} are
     * {@code null} when not known; {@code sources} then say where the ratification is recorded. {@code instrumentName}
     * is the name as given ({@code Perwa}), {@code instrument} its kind. A ratification recorded from its sources may not
     * know its instrument, number or date (each {@code null}; {@code year} too when the date is not known). {@code occurred}: the date given when the day
     * is not known ({@code null} otherwise); {@link #actDate()} is the ratification's date in any case.
     */
    public record Ratification(RatificationInstrument instrument, String number, Integer year, LocalDate date, String title,
            String recordedBy, OffsetDateTime recordedAt, List<Source> sources, String instrumentName,
            Occurred occurred, Integer revision, Withdrawn withdrawn) {

        /** Its revision: 1 when recorded, one more with each correction (and the withdrawal). */
        @JsonIgnore
        public int currentRevision() {
            return revision == null ? 1 : revision;
        }

        /** The name as given, or the kind's code for a ratification recorded before names were kept. */
        @JsonIgnore
        public String nameAsGiven() {
            return instrumentName != null ? instrumentName : instrument == null ? null : instrument.name();
        }

        /** Its date: the instrument's day, else the date given, else its year; {@code null} when not known at all. */
        @JsonIgnore
        public Occurred actDate() {
            return date != null ? Occurred.onDay(date) : occurred != null ? occurred
                    : year != null ? Occurred.inYear(year) : null;
        }
    }

    /** The opening's date when it was recorded after the fact (or from the MoU's signing), else {@code null}. */
    public Occurred openingGiven() {
        return Occurred.stored(openedOn, openedPrecision);
    }

    /** The opening's date: given, else the day it was recorded. */
    public Occurred openingDate() {
        return Occurred.orDayOf(openingGiven(), openedAt);
    }

    /** The newest review step of a decision, or {@code null}. */
    public Review latest(ReviewDecision decision) {
        Review found = null;
        for (Review r : reviews == null ? List.<Review>of() : reviews.items()) {
            if (r.decision() == decision) {
                found = r;
            }
        }
        return found;
    }

    /** Why and by whom a fact was withdrawn (issue 18, item 3). */
    public record Withdrawn(OffsetDateTime at, String by, String reason, List<Source> sources) {
    }

    /** A record a fact comes from. */
    public record Source(String title, String url, LocalDate publishedOn) {
    }
}
