package id.kotacerdas.assessment.domain;

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
import java.util.UUID;

/**
 * A region invited to a cycle, with what the region registry said of it at the time (name, level, province), so
 * that quotas per province and tracks never need another service. A region can decline while the cycle still
 * takes declines and before it has submitted its self-assessment.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    /** {@code PROVINCE}, {@code KABUPATEN} or {@code KOTA}, as the registry names it. */
    @Column(name = "region_level")
    public String regionLevel;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "province_name")
    public String provinceName;

    @Enumerated(EnumType.STRING)
    public Track track;

    @Enumerated(EnumType.STRING)
    public InvitationStatus status;

    @Column(name = "invited_at")
    public OffsetDateTime invitedAt;

    @Column(name = "invited_by")
    public String invitedBy;

    /** The day the invitation happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "invited_on")
    public LocalDate invitedOn;

    /** The precision of {@link #invitedOn}: DAY, MONTH or YEAR. */
    @Column(name = "invited_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision invitedPrecision;

    /** The date the invitation happened as its write gave it; null when it happened when it was recorded. */
    public Occurred invitedOccurred() {
        return Occurred.stored(invitedOn, invitedPrecision);
    }

    public void setInvitedOccurred(Occurred occurred) {
        invitedOn = Occurred.firstDayOf(occurred);
        invitedPrecision = Occurred.precisionOf(occurred);
    }

    @Column(name = "declined_at")
    public OffsetDateTime declinedAt;

    @Column(name = "declined_by")
    public String declinedBy;

    @Column(name = "decline_reason")
    public String declineReason;

    @Version
    public long revision;

    public static Invitation of(UUID cycleId, String code, String name, String level, String provinceCode,
            String provinceName, String by, OffsetDateTime at) {
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.cycleId = cycleId;
        i.regionCode = code;
        i.regionName = name;
        i.regionLevel = level;
        i.provinceCode = provinceCode;
        i.provinceName = provinceName;
        i.track = Track.ofLevel(level);
        i.status = InvitationStatus.INVITED;
        i.invitedAt = at;
        i.invitedBy = by;
        return i;
    }

    public boolean declined() {
        return status == InvitationStatus.DECLINED;
    }

    public boolean cancelled() {
        return status == InvitationStatus.CANCELLED;
    }

    /** Whether the region still takes part in the cycle: neither declined nor cancelled. */
    public boolean takesPart() {
        return status == InvitationStatus.INVITED;
    }

    /**
     * Refuses an activity of a region that no longer takes part ({@link StateConflictException} naming the state
     * DECLINED or CANCELLED).
     */
    public void requireTakesPart(String activity) {
        if (declined()) {
            throw new StateConflictException(status.name(), regionName + " (" + regionCode
                    + ") declined the invitation (state DECLINED)" + activity + ".");
        }
        if (cancelled()) {
            throw new StateConflictException(status.name(), regionName + " (" + regionCode
                    + ")'s invitation was cancelled (state CANCELLED)" + activity + ".");
        }
    }

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** Cancels the invitation with a reason ({@link AssessmentCancellation#verify(CycleState, InvitationStatus, String)}). */
    public void cancel(CycleState cycleState, String reason, String by, OffsetDateTime at) {
        AssessmentCancellation.verify(cycleState, status, regionName + " (" + regionCode + ")");
        status = InvitationStatus.CANCELLED;
        cancelledAt = at;
        cancelledBy = by;
        cancellationReason = reason;
    }

    /** Declines the invitation; refused when already declined or once the self-assessment is submitted. */
    public void decline(String reason, boolean submitted, String by, OffsetDateTime at) {
        if (declined()) {
            throw new StateConflictException(status.name(), regionName + " (" + regionCode + ") already declined on "
                    + declinedAt + ".");
        }
        if (cancelled()) {
            requireTakesPart("");
        }
        if (submitted) {
            throw new StateConflictException(SelfAssessmentStatus.SUBMITTED.name(), regionName + " (" + regionCode
                    + ") has submitted its self-assessment (state SUBMITTED) and can no longer decline.");
        }
        status = InvitationStatus.DECLINED;
        declineReason = reason;
        declinedAt = at;
        declinedBy = by;
    }
}
