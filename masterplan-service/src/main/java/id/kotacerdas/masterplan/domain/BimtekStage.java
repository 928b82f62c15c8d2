package id.kotacerdas.masterplan.domain;

import id.kotacerdas.platform.time.Occurred;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * One of the four bimtek stages (bimbingan teknis, technical guidance) of a masterplan: about two days of FGDs led by
 * the ministry's guides (pembimbing), its dates, mode and venue, who attended and what was delivered.
 */
@Entity
@Table(name = "bimtek_stage")
public class BimtekStage {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "masterplan_id")
    public UUID masterplanId;

    public int stage;

    @Enumerated(EnumType.STRING)
    public BimtekStageState state;

    public String purpose;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    public BimtekMode mode;

    public String venue;

    /** The guides (pembimbing) the ministry appointed, by name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Guides guides = new Guides(List.of());

    @JdbcTypeCode(SqlTypes.JSON)
    public Attendance attendance;

    /** Documents delivered at the stage. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Outputs outputs = new Outputs(List.of());

    public String notes;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "reschedule_count")
    public int rescheduleCount;

    /** The day the stage was held as the write gave it ({@code occurred}), else {@code null} (its days say it). */
    @Column(name = "held_on")
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "held_precision")
    public Occurred.Precision heldPrecision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The date it was held: the one given, else its first day; {@code null} while it is not held. */
    public Occurred heldDate() {
        if (state != BimtekStageState.HELD) {
            return null;
        }
        Occurred given = Occurred.stored(heldOn, heldPrecision);
        return given != null ? given : startDate == null ? null : Occurred.onDay(startDate);
    }

    /** Who attended: the region's OPDs, members of the Dewan Smart City and of the Tim Pelaksana, others. */
    public record Attendance(List<String> opds, List<Person> dewanMembers, List<Person> timPelaksanaMembers,
            List<Person> others) {

        public int opdCount() {
            return opds == null ? 0 : opds.size();
        }

        public int dewanCount() {
            return dewanMembers == null ? 0 : dewanMembers.size();
        }

        public int timPelaksanaCount() {
            return timPelaksanaMembers == null ? 0 : timPelaksanaMembers.size();
        }
    }

    public record Person(String name, String role) {
    }

    /**
     * The guides' names. (JSON columns hold objects: Hibernate Reactive binds them as Vert.x {@code JsonObject}s, so a
     * list is wrapped.)
     */
    public record Guides(List<String> names) {
    }

    /** The documents delivered (wrapped, see {@link Guides}). */
    public record Outputs(List<Output> items) {
    }

    /** A document delivered at a stage, e.g. "Buku 1: Analisis Strategis". */
    public record Output(String title, String description) {
    }
}
