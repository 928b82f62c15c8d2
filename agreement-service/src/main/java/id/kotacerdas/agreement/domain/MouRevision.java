package id.kotacerdas.agreement.domain;

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
 * One signed text of an MoU: revision 1 as signed, then one per amendment (adendum). Written once, never changed,
 * so the text in force at any time can be read back after it was amended.
 */
@Entity
@Table(name = "mou_revision")
public class MouRevision {

    public enum Kind {
        SIGNED,
        AMENDMENT,
        /** A recorded MoU corrected: its value after the correction. */
        CORRECTION,
        /** A recorded MoU withdrawn: its value, unchanged, as it was withdrawn. */
        WITHDRAWAL
    }

    @Id
    public UUID id;

    @Column(name = "mou_id")
    public UUID mouId;

    public int revision;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The signing date, or the day the amendment takes effect. */
    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    /** Why it was amended. */
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public RevisionDocument document;

    /** The sources of a correction or withdrawal. */
    @JdbcTypeCode(SqlTypes.JSON)
    public RecordSources sources;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The text as it stood in this revision: the MoU's document, numbers and validity. */
    public record RevisionDocument(MouDocument content, String firstPartyNumber, String secondPartyNumber,
            LocalDate signedOn, LocalDate validUntil, UUID ceremonyId, RecordedSigning recorded) {
    }
}
