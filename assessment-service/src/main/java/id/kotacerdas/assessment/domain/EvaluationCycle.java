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
 * One year's evaluation (monev, e.g. "evaluation 2023"), with one published EVALUATION framework version, an
 * optional self-assessment deadline and a state ({@link EvaluationState}, moved by {@link CycleStateMachine#EVALUATION}).
 * One cycle per year.
 */
@Entity
@Table(name = "evaluation_cycle")
public class EvaluationCycle {

    @Id
    public UUID id;

    public int year;

    public String name;

    @Column(name = "framework_code")
    public String frameworkCode;

    @Column(name = "framework_version")
    public int frameworkVersion;

    /** Self-assessments after it are refused; {@code null}: until the interviews start. */
    @Column(name = "self_assessment_deadline")
    public OffsetDateTime selfAssessmentDeadline;

    @Enumerated(EnumType.STRING)
    public EvaluationState state;

    @Version
    public long revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The date of the result letters issued at the publication. */
    @Column(name = "letter_date")
    public LocalDate letterDate;

    /** The day the publication happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** The precision of {@link #publishedOn}: DAY, MONTH or YEAR. */
    @Column(name = "published_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision publishedPrecision;

    /** The date the publication happened as its write gave it; null when it happened when it was recorded. */
    public Occurred publishedOccurred() {
        return Occurred.stored(publishedOn, publishedPrecision);
    }

    public void setPublishedOccurred(Occurred occurred) {
        publishedOn = Occurred.firstDayOf(occurred);
        publishedPrecision = Occurred.precisionOf(occurred);
    }

    public static EvaluationCycle draft(int year, String name, String frameworkCode, int frameworkVersion,
            OffsetDateTime selfAssessmentDeadline, String by, OffsetDateTime at) {
        EvaluationCycle c = new EvaluationCycle();
        c.id = UUID.randomUUID();
        c.year = year;
        c.name = name;
        c.frameworkCode = frameworkCode;
        c.frameworkVersion = frameworkVersion;
        c.selfAssessmentDeadline = selfAssessmentDeadline;
        c.state = EvaluationState.DRAFT;
        c.createdAt = at;
        c.createdBy = by;
        c.updatedAt = at;
        c.updatedBy = by;
        return c;
    }

    /** One step forward; {@code byPublication} for SCORING → PUBLISHED. */
    public void moveTo(EvaluationState target, boolean byPublication, String by, OffsetDateTime at) {
        EvaluationCancellation.refuseAsTransition(state, target);
        CycleStateMachine.EVALUATION.verify(state, target, byPublication);
        state = target;
        updatedAt = at;
        updatedBy = by;
        if (target == EvaluationState.SELF_ASSESSMENT) {
            openedAt = at;
        } else if (target == EvaluationState.PUBLISHED) {
            publishedAt = at;
        }
    }

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** Cancels the cycle with a reason (any state but the final ones, {@link EvaluationCancellation}). */
    public void cancel(String reason, String by, OffsetDateTime at) {
        EvaluationCancellation.verify(state);
        state = EvaluationState.CANCELLED;
        cancelledAt = at;
        cancelledBy = by;
        cancellationReason = reason;
        updatedAt = at;
        updatedBy = by;
    }

    /** Refuses an activity that the current state does not allow. */
    public void require(boolean allowed, String activity) {
        if (!allowed) {
            throw new StateConflictException(state.name(), "Evaluation " + year + " is in state " + state + "; "
                    + activity + ".");
        }
    }

    /** Whether a self-assessment at this instant is in time (at the deadline itself it still is). */
    public boolean inTime(OffsetDateTime at) {
        return selfAssessmentDeadline == null || !at.isAfter(selfAssessmentDeadline);
    }
}
