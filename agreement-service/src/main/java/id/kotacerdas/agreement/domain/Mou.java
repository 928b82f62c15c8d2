package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.registry.RegionLevel;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One region's MoU (Nota Kesepakatan) for one programme year, with the Direktorat Jenderal Aplikasi Informatika.
 * Versioned for If-Match; its state changes only through {@link #apply(MouAction)} ({@link MouLifecycle}).
 */
@Entity
@Table(name = "mou")
public class Mou {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "region_code")
    public String regionCode;

    /** The region's name when the MoU was drafted (from the region registry). */
    @Column(name = "region_name")
    public String regionName;

    @Enumerated(EnumType.STRING)
    @Column(name = "region_level")
    public RegionLevel regionLevel;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "programme_year")
    public int programmeYear;

    /** The cohort's track as assessment-service names it ({@code KAB_KOTA}, {@code PROVINCE}), where known. */
    public String track;

    /** The assessment cycle that selected the region, where known. */
    @Column(name = "cycle_id")
    public UUID cycleId;

    /** How a live MoU's draft came to be; {@code null} for a recorded one (never drafted in this suite). */
    @Enumerated(EnumType.STRING)
    @Column(name = "drafted_from")
    public MouOrigin draftedFrom;

    /** {@code LIVE}: made through this suite's workflow; {@code RECORDED}: a past MoU entered from its sources. */
    @Enumerated(EnumType.STRING)
    public Origin origin;

    /** The precision of a recorded signing dated by month or year ({@link #signedOn} is then its first day). */
    @Enumerated(EnumType.STRING)
    @Column(name = "signed_precision")
    public Occurred.Precision signedPrecision;

    /** A recorded MoU's number as its source gives it; {@code null} for a live MoU or when not known. */
    @Column(name = "recorded_number")
    public String recordedNumber;

    /** Whether the source of a recorded MoU gives its number; {@code null} for a live MoU. */
    @Column(name = "number_known")
    public Boolean numberKnown;

    /** The ceremony a recorded MoU was signed at, as its source names it. */
    @Column(name = "recorded_ceremony")
    public String recordedCeremony;

    /** The {@code ce_id} of the {@code RegionSelected} event that drafted it. */
    @Column(name = "origin_event_id")
    public String originEventId;

    @Enumerated(EnumType.STRING)
    public MouState state;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    /** The national ceremony it is signed at, if any. */
    @Column(name = "ceremony_id")
    public UUID ceremonyId;

    /** The date of a signing of its own (when not at a national ceremony). */
    @Column(name = "planned_on")
    public LocalDate plannedOn;

    @Column(name = "first_party_number")
    public String firstPartyNumber;

    @Column(name = "second_party_number")
    public String secondPartyNumber;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    /** The last day in force. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** 0 until signed; 1 as signed; each amendment adds one ({@link MouRevision}). */
    public int revision;

    @Column(name = "state_changed_on")
    public LocalDate stateChangedOn;

    /** Why it was terminated or withdrawn. */
    @Column(name = "state_reason")
    public String stateReason;

    @JdbcTypeCode(SqlTypes.JSON)
    public MouDocument content;

    /** The day the draft was made, when its write gave one ({@code occurred}); else it was made at {@link #createdAt}. */
    @Column(name = "drafted_on")
    public LocalDate draftedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "drafted_precision")
    public Occurred.Precision draftedPrecision;

    /** The day it was scheduled, when its write gave one; else it was scheduled at {@link #scheduledAt}. */
    @Column(name = "scheduled_on")
    public LocalDate scheduledOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "scheduled_precision")
    public Occurred.Precision scheduledPrecision;

    /** When the (last) scheduling was recorded; {@code null} for an MoU scheduled before this was kept. */
    @Column(name = "scheduled_at")
    public OffsetDateTime scheduledAt;

    /** The precision of {@link #stateChangedOn} (a withdrawal dated by month or year); {@code null}: a day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "state_changed_precision")
    public Occurred.Precision stateChangedPrecision;

    /** When a recorded MoU was withdrawn (it should never have been recorded); {@code null} while it stands. */
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

    /** Moves the state as the action demands; {@link IllegalTransitionException} when the state does not allow it. */
    public void apply(MouAction action) {
        state = MouLifecycle.apply(state, action);
    }

    /** The day the draft was made as its write gave it ({@code occurred}), else {@code null}. */
    public Occurred draftedGiven() {
        return Occurred.stored(draftedOn, draftedPrecision);
    }

    /** The day the draft was made: as given, else the day it was recorded. */
    public Occurred drafted() {
        return Occurred.orDayOf(draftedGiven(), createdAt);
    }

    /** The day it was (last) scheduled: as given, else the day it was recorded; {@code null} if never (or not known). */
    public Occurred scheduled() {
        return Occurred.orDayOf(Occurred.stored(scheduledOn, scheduledPrecision), scheduledAt);
    }

    /** The day it was signed, terminated, withdrawn or expired, with its precision; {@code null} while neither. */
    public Occurred stateChanged() {
        return Occurred.stored(stateChangedOn, stateChangedPrecision);
    }

    /** The day it was signed with its precision (a recorded signing may be known by month or year); else {@code null}. */
    public Occurred signed() {
        return signedOn == null ? null : Occurred.stored(signedOn, signedPrecision == null ? Occurred.Precision.DAY : signedPrecision);
    }

    public boolean recorded() {
        return origin == Origin.RECORDED;
    }

    /** Its validity once signed, else {@code null}. */
    public Validity validity() {
        if (signedOn == null || validUntil == null) {
            return null;
        }
        return new Validity(signedOn, validUntil, content == null ? null : content.validityYears());
    }
}
