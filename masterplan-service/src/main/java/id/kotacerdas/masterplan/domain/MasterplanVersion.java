package id.kotacerdas.masterplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A frozen version of a masterplan's document: written by a submission, never changed afterwards. */
@Entity
@Immutable
@Table(name = "masterplan_version")
public class MasterplanVersion {

    @Id
    public UUID id;

    @Column(name = "masterplan_id")
    public UUID masterplanId;

    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    public MasterplanDocument document;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;
}
