package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One region's outcome of a past assessment, recorded from its sources (no cycle of this service): selected or not
 * for a programme year and track, with what the source gives of its score, rank and dates. Unknown stays unknown.
 * A SELECTED outcome makes the region a member of that year's cohort.
 */
@Entity
@Table(name = "recorded_assessment")
public class RecordedAssessment {

    /** Selected into the cohort, or not. */
    public enum Outcome {
        SELECTED, NOT_SELECTED
    }

    @Id
    public UUID id;

    @Column(name = "programme_year")
    public int programmeYear;

    @Enumerated(EnumType.STRING)
    public Track track;

    /** The year of the assessment, when the source gives it. */
    @Column(name = "assessment_year")
    public Integer assessmentYear;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    @Column(name = "region_level")
    public String regionLevel;

    @Column(name = "province_code")
    public String provinceCode;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public BigDecimal score;

    @Column(name = "score_known")
    public boolean scoreKnown;

    @Column(name = "rank")
    public Integer rank;

    @Column(name = "rank_known")
    public boolean rankKnown;

    @Column(name = "invited_on")
    public LocalDate invitedOn;

    @Column(name = "invited_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision invitedPrecision;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "submitted_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision submittedPrecision;

    @Column(name = "outcome_on")
    public LocalDate outcomeOn;

    @Column(name = "outcome_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision outcomePrecision;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** 1 when recorded; + 1 with each correction or withdrawal. */
    public int revision = 1;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawal_sources")
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList withdrawalSources;

    /** A withdrawn outcome stays readable by id but leaves lists, the cohort and the statistics. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public Occurred invited() {
        return Occurred.stored(invitedOn, invitedPrecision);
    }

    public void setInvited(Occurred o) {
        invitedOn = Occurred.firstDayOf(o);
        invitedPrecision = Occurred.precisionOf(o);
    }

    public Occurred submitted() {
        return Occurred.stored(submittedOn, submittedPrecision);
    }

    public void setSubmitted(Occurred o) {
        submittedOn = Occurred.firstDayOf(o);
        submittedPrecision = Occurred.precisionOf(o);
    }

    public Occurred occurred() {
        return Occurred.stored(outcomeOn, outcomePrecision);
    }

    public void setOccurred(Occurred o) {
        outcomeOn = Occurred.firstDayOf(o);
        outcomePrecision = Occurred.precisionOf(o);
    }

    public boolean selected() {
        return outcome == Outcome.SELECTED;
    }
}
