package id.kotacerdas.agreement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A national signing ceremony that many MoUs attach to: usually one virtual batch per cohort (2022-04-21,
 * 2023-02-28) while each region sits at its own venue (DOMAIN.md §3).
 */
@Entity
@Table(name = "mou_ceremony")
public class MouCeremony {

    @Id
    public UUID id;

    @Version
    public long version;

    /** {@code LIVE}: made through this suite; {@code RECORDED}: a past fact entered from its sources. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public id.kotacerdas.platform.record.Origin origin;

    @Column(name = "programme_year")
    public int programmeYear;

    public String title;

    @Column(name = "planned_on")
    public LocalDate plannedOn;

    /** The day it took place, once recorded. */
    @Column(name = "held_on")
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    public CeremonyState state;

    /** Who hosts it, e.g. the Direktorat Jenderal Aplikasi Informatika. */
    public String host;

    @Enumerated(EnumType.STRING)
    public ParticipationMode mode;

    /** Where the host sits, if anywhere in particular. */
    public String venue;

    public String note;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The day it took place or, until then, the day it is planned for. */
    public LocalDate date() {
        return heldOn != null ? heldOn : plannedOn;
    }
}
