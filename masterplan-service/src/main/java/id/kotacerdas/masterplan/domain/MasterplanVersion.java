package id.kotacerdas.masterplan.domain;

import id.kotacerdas.platform.time.Occurred;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
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

    /** The day it was submitted when that was recorded after the fact (its first day), else {@code null}. */
    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitted_precision")
    public Occurred.Precision submittedPrecision;

    /** The submission's date when it was recorded after the fact, else {@code null}. */
    public Occurred submissionGiven() {
        return Occurred.stored(submittedOn, submittedPrecision);
    }

    /** The submission's date: given, else the day it was recorded. */
    public Occurred submissionDate() {
        return Occurred.orDayOf(submissionGiven(), submittedAt);
    }
}
