package id.kotacerdas.agreement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A region's local commitment (komitmen bersama): signed in the region by the regional head, the Sekda and the heads
 * of named OPDs (Organisasi Perangkat Daerah), often at the closing of the last bimtek (DOMAIN.md §4, §5).
 */
@Entity
@Table(name = "local_commitment")
public class LocalCommitment {

    @Id
    public UUID id;

    @Version
    public long version;

    /** {@code LIVE}: made through this suite; {@code RECORDED}: a past fact entered from its sources. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public id.kotacerdas.platform.record.Origin origin;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    @Column(name = "province_code")
    public String provinceCode;

    /** The MoU it follows, where known. */
    @Column(name = "mou_id")
    public UUID mouId;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    public String venue;

    @JdbcTypeCode(SqlTypes.JSON)
    public Document content;

    /** 1 as recorded, one more per correction and for the withdrawal (issue 18); its ETag. */
    public int revision = 1;

    /** When it was withdrawn (it should never have been recorded); {@code null} while it stands. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "withdrawn_sources")
    public RecordSources withdrawnSources;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** What a correction may change, as it stands: the value kept in each revision. */
    public Value value() {
        return new Value(mouId, signedOn, venue, content);
    }

    /** The commitment's correctable fields as they stood in a revision ({@code local_commitment_revision.value}). */
    public record Value(UUID mouId, LocalDate signedOn, String venue, Document content) {
    }

    /**
     * What was signed and by whom, as stored ({@code local_commitment.content}).
     *
     * @param bimtek the bimtek session it closed, if it was signed at one
     */
    public record Document(String title, Official regionalHead, Official sekda, List<Opd> opds, Bimtek bimtek,
            List<MouDocument.Source> sources, String notes) {
    }

    /** A person in office. */
    public record Official(String name, String position) {
    }

    /** An OPD that signed, with its head. */
    public record Opd(String name, Official head) {
    }

    /** The bimtek session the commitment was signed at. */
    public record Bimtek(Integer stage, LocalDate closingOn, String note) {
    }
}
