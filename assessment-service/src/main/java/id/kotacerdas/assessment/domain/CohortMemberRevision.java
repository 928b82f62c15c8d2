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

/** An earlier value of a cohort member: what it was at {@link #revision}, and why and by whom it was changed. */
@Entity
@Table(name = "cohort_member_revision")
public class CohortMemberRevision {

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    /** The revision the member had before the change. */
    public int revision;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    /** The member as it was (track, confidence, notes, sources, sourceUrl, occurred, repeatOfYear). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> value;
}
