package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An earlier value of a recorded assessment outcome: what it was at {@link #revision}, and why and by whom it changed. */
@Entity
@Table(name = "recorded_assessment_revision")
public class RecordedAssessmentRevision {

    @Id
    public UUID id;

    @Column(name = "record_id")
    public UUID recordId;

    /** The revision the outcome had before the change. */
    public int revision;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    /** The outcome as it was ({@link RecordedAssessmentChanges#valueOf}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> value;
}
