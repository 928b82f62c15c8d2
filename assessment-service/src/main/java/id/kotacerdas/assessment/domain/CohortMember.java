package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An identified member of a historical cohort (imported from {@code reference-data/cohorts/cohorts.csv}), under its
 * current Kemendagri code, with the source that names it. Members that no source names are not recorded: a cohort's
 * size where the list is incomplete is its {@link DeclaredCohort}.
 */
@Entity
@Table(name = "cohort_member")
public class CohortMember {

    @Id
    public UUID id;

    @Column(name = "programme_year")
    public int programmeYear;

    @Enumerated(EnumType.STRING)
    public Track track;

    @Column(name = "region_code")
    public String regionCode;

    /** The name as the source spells it. */
    @Column(name = "region_name")
    public String regionName;

    @Column(name = "region_level")
    public String regionLevel;

    /** The earliest earlier year the source or the file names the region in, if any. */
    @Column(name = "repeat_of_year")
    public Integer repeatOfYear;

    @Column(name = "source_url")
    public String sourceUrl;

    /** {@code confirmed} or {@code partial} (ambiguous or contradicted; {@link #notes} says why). */
    public String confidence;

    public String notes;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The platform sources given with the record (null: only {@code sourceUrl}, as imported). */
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    /** The day the membership (the act that made the region a member) happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "member_on")
    public LocalDate memberOn;

    /** The precision of {@link #memberOn}: DAY, MONTH or YEAR. */
    @Column(name = "member_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision memberPrecision;

    /** 1 when recorded; each correction or withdrawal adds 1 (the ETag). */
    public int revision = 1;

    /** When the member was withdrawn (null: it stands); a withdrawn member leaves lists, counts and earlier cohorts. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawal_sources")
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList withdrawalSources;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The date the membership (the act that made the region a member) happened as its write gave it; null when it happened when it was recorded. */
    public Occurred memberOccurred() {
        return Occurred.stored(memberOn, memberPrecision);
    }

    public void setMemberOccurred(Occurred occurred) {
        memberOn = Occurred.firstDayOf(occurred);
        memberPrecision = Occurred.precisionOf(occurred);
    }
}
