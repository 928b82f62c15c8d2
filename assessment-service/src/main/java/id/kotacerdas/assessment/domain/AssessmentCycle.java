package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.web.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One year's readiness assessment: assessed in {@link #assessmentYear}, it selects the cohort of
 * {@link #programmeYear} (assessed in 2021 → cohort 2022; the 2017 cohort was assessed in its own year), with one
 * published framework version, a {@link Schedule}, {@link Quotas} and a state ({@link CycleState}).
 */
@Entity
@Table(name = "assessment_cycle")
public class AssessmentCycle {

    @Id
    public UUID id;

    public String name;

    @Column(name = "assessment_year")
    public int assessmentYear;

    @Column(name = "programme_year")
    public int programmeYear;

    @Column(name = "framework_code")
    public String frameworkCode;

    @Column(name = "framework_version")
    public int frameworkVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public Schedule schedule;

    @JdbcTypeCode(SqlTypes.JSON)
    public Quotas quotas;

    @Enumerated(EnumType.STRING)
    public CycleState state;

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

    /** What can be set on a cycle while it is still being prepared. */
    public record Plan(String name, int assessmentYear, int programmeYear, String frameworkCode, int frameworkVersion,
            Schedule schedule, Quotas quotas) {

        /** The rules spanning fields; the framework's status is checked by the service, which can read it. */
        public List<Violation> check() {
            List<Violation> out = new ArrayList<>();
            if (programmeYear != assessmentYear && programmeYear != assessmentYear + 1) {
                out.add(new Violation("programmeYear", "must be the assessment year (" + assessmentYear
                        + ") or the year after it (" + (assessmentYear + 1) + ")"));
            }
            if (quotas != null && quotas.kabKotaSeats() + quotas.provinceSeats() == 0) {
                out.add(new Violation("quotas", "a cycle needs at least one seat on one of the tracks"));
            }
            if (schedule != null) {
                out.addAll(schedule.check());
            }
            return out;
        }
    }

    public static AssessmentCycle draft(Plan plan, String by, OffsetDateTime at) {
        AssessmentCycle cycle = new AssessmentCycle();
        cycle.id = UUID.randomUUID();
        cycle.state = CycleState.DRAFT;
        cycle.createdAt = at;
        cycle.createdBy = by;
        cycle.apply(plan, by, at);
        return cycle;
    }

    public Plan plan() {
        return new Plan(name, assessmentYear, programmeYear, frameworkCode, frameworkVersion, schedule, quotas);
    }

    /** Replaces the plan; only while the cycle is {@link CycleState#editable() editable}. Returns whether it changed. */
    public boolean replan(Plan plan, String by, OffsetDateTime at) {
        if (!state.editable()) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state
                    + "; its plan can be changed only in DRAFT or INVITING.");
        }
        if (state != CycleState.DRAFT && (!plan.frameworkCode().equals(frameworkCode)
                || plan.frameworkVersion() != frameworkVersion)) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state
                    + "; its framework can be changed only in DRAFT.");
        }
        if (plan.equals(plan())) {
            return false;
        }
        apply(plan, by, at);
        return true;
    }

    /** One step forward ({@link CycleStateMachine}). */
    public void moveTo(CycleState target, boolean bySelection, String by, OffsetDateTime at) {
        CycleStateMachine.check(state, target, bySelection);
        state = target;
        updatedAt = at;
        updatedBy = by;
    }

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** The state the cycle was cancelled from; null unless CANCELLED. */
    @Column(name = "cancelled_from")
    @Enumerated(EnumType.STRING)
    public CycleState cancelledFrom;

    /**
     * Whether the cycle was ever opened (left DRAFT): a draft, and a cycle cancelled as a draft, are visible to the
     * ministry and auditors only, and were never announced to other services.
     */
    public boolean opened() {
        return state != CycleState.DRAFT && !(state == CycleState.CANCELLED && cancelledFrom == CycleState.DRAFT);
    }

    /** Cancels the cycle with a reason (any state before SELECTED, {@link AssessmentCancellation}). */
    public void cancel(String reason, String by, OffsetDateTime at) {
        AssessmentCancellation.verify(state);
        cancelledFrom = state;
        state = CycleState.CANCELLED;
        cancelledAt = at;
        cancelledBy = by;
        cancellationReason = reason;
        updatedAt = at;
        updatedBy = by;
    }

    /** Refuses an activity that the current state does not allow. */
    public void require(boolean allowed, String activity) {
        if (!allowed) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state + "; " + activity + ".");
        }
    }

    private void apply(Plan plan, String by, OffsetDateTime at) {
        name = plan.name();
        assessmentYear = plan.assessmentYear();
        programmeYear = plan.programmeYear();
        frameworkCode = plan.frameworkCode();
        frameworkVersion = plan.frameworkVersion();
        schedule = plan.schedule();
        quotas = plan.quotas();
        updatedAt = at;
        updatedBy = by;
    }
}
