package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the ministry declared of a cohort: its size and how many of its members were repeats of earlier cohorts (0
 * where none were declared), with the source. The programme's declared statistics are computed from these alone,
 * beside the statistics of the identified members ({@link ProgrammeStatistics}).
 */
@Entity
@Table(name = "declared_cohort")
public class DeclaredCohort {

    @Id
    public UUID id;

    @Column(name = "programme_year")
    public int programmeYear;

    @Enumerated(EnumType.STRING)
    public Track track;

    public int size;

    public int repeats;

    @Column(name = "source_url")
    public String sourceUrl;

    public String note;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The platform sources given with the record (null: only {@code sourceUrl}, as imported). */
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;
}
