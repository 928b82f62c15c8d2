package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.Quotas;
import id.kotacerdas.assessment.domain.Schedule;

/** Between the cycle's API types and the domain. */
final class CycleMapper {

    private CycleMapper() {
    }

    static AssessmentCycle.Plan toPlan(CycleRequest r) {
        return new AssessmentCycle.Plan(r.name(), r.assessmentYear(), r.programmeYear(), r.framework().code(),
                r.framework().version(),
                new Schedule(r.schedule().invitedOn(), r.schedule().selfAssessmentDeadline(),
                        r.schedule().interviewDays(), r.schedule().presentationDays()),
                new Quotas(r.quotas().kabKotaSeats(), r.quotas().provinceSeats(), r.quotas().maxPerProvince()));
    }

    static CycleView toView(AssessmentCycle c) {
        return new CycleView(c.id, c.name, c.assessmentYear, c.programmeYear,
                new CycleRequest.FrameworkRef(c.frameworkCode, c.frameworkVersion),
                new CycleRequest.ScheduleBody(c.schedule.invitationDate(), c.schedule.selfAssessmentDeadline(),
                        c.schedule.interviewDays(), c.schedule.presentationDays()),
                new CycleRequest.QuotasBody(c.quotas.kabKotaSeats(), c.quotas.provinceSeats(), c.quotas.maxPerProvince()),
                c.state, c.state.next().orElse(null), c.revision, c.createdAt, c.createdBy, c.updatedAt, c.updatedBy,
                CycleView.Cancellation.of(c.cancelledAt, c.cancelledBy, c.cancellationReason));
    }
}
