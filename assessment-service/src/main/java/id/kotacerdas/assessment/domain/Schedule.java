package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.web.Violation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * When a cycle's steps happen: the invitation, the self-assessment deadline (an instant: submissions after it are
 * refused), and the days of the interviews and of the regional heads' presentations (the assessment event, e.g.
 * 21–22 Feb 2019). Interview and presentation days are not before the deadline's day.
 */
public record Schedule(LocalDate invitationDate, OffsetDateTime selfAssessmentDeadline, List<LocalDate> interviewDays,
        List<LocalDate> presentationDays) {

    public Schedule {
        interviewDays = interviewDays == null ? List.of() : List.copyOf(interviewDays);
        presentationDays = presentationDays == null ? List.of() : List.copyOf(presentationDays);
    }

    /** Whether a submission at this instant is in time (at the deadline itself it still is). */
    public boolean inTime(OffsetDateTime at) {
        return !at.isAfter(selfAssessmentDeadline);
    }

    /** Every broken rule, with the field path below {@code schedule}. */
    public List<Violation> check() {
        List<Violation> out = new ArrayList<>();
        if (invitationDate == null || selfAssessmentDeadline == null) {
            return out; // required fields are the API's shape check
        }
        LocalDate deadlineDay = selfAssessmentDeadline.toLocalDate();
        if (deadlineDay.isBefore(invitationDate)) {
            out.add(new Violation("schedule.selfAssessmentDeadline", "must not be before the invitation date " + invitationDate));
        }
        days(out, "schedule.interviewDays", interviewDays, deadlineDay);
        days(out, "schedule.presentationDays", presentationDays, deadlineDay);
        return out;
    }

    private static void days(List<Violation> out, String field, List<LocalDate> days, LocalDate deadlineDay) {
        var seen = new HashSet<LocalDate>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (!seen.add(day)) {
                out.add(new Violation(field + "[" + i + "]", day + " is listed twice"));
            } else if (day.isBefore(deadlineDay)) {
                out.add(new Violation(field + "[" + i + "]",
                        "must not be before the self-assessment deadline's day " + deadlineDay));
            }
        }
    }
}
