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

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

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
