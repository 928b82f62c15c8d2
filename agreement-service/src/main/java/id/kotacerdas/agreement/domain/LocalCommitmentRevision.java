package id.kotacerdas.agreement.domain;

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
 * One value of a local commitment (issue 18, item 3): revision 1 as recorded, then one per correction and the
 * withdrawal. Written once, never changed. Revision 1 is written at the first correction or withdrawal.
 */
@Entity
@Table(name = "local_commitment_revision")
public class LocalCommitmentRevision {

    public enum Kind {
        /** As it was recorded. */
        RECORDED,
        /** Its value after a correction. */
        CORRECTION,
        /** Its value, unchanged, as it was withdrawn. */
        WITHDRAWAL
    }

    @Id
    public UUID id;

    @Column(name = "commitment_id")
    public UUID commitmentId;

    public int revision;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String reason;

    /** The sources of a correction or withdrawal. */
    @JdbcTypeCode(SqlTypes.JSON)
    public RecordSources sources;

    @JdbcTypeCode(SqlTypes.JSON)
    public LocalCommitment.Value value;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
