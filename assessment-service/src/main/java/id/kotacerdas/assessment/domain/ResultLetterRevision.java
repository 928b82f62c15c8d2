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

/** An earlier value of a result letter: what it was at {@link #revision}, and why and by whom it changed. */
@Entity
@Table(name = "result_letter_revision")
public class ResultLetterRevision {

    @Id
    public UUID id;

    @Column(name = "letter_id")
    public UUID letterId;

    /** The revision the letter had before the change. */
    public int revision;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    /** The change's sources (empty for the withdrawal of a letter of a cycle given without). */
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    /** The letter as it was (number, date, programmeYear, regions). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> value;
}
