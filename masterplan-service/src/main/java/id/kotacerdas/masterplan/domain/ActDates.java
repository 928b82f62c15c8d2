package id.kotacerdas.masterplan.domain;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The dates of a masterplan's acts (opening, submission, revision request, approval, ratification, a bimtek stage
 * held) and the rules they follow. An act recorded after the fact has the date its write gave ({@code occurred}, or
 * the act's own day: a ratification's {@code date}, a bimtek stage's days); otherwise it happened when it was
 * recorded.
 *
 * <p>Order: an act is not before the act it depends on, judged on the earlier act's stored date (its given date, else
 * its recording instant). One exception keeps records made before {@code occurred} existed readable: an act dated only
 * by its own day field (a ratification's {@code date} or {@code year}, a bimtek stage's {@code startDate}) is judged
 * only against earlier acts whose date was given, since an earlier act recorded without one may have been typed in
 * long after it happened. An explicit {@code occurred} is always judged against the earlier act's stored date.
 */
public final class ActDates {

    private ActDates() {
    }

    /**
     * The earliest day a plan's acts may have: the programme's start (2017), or none for a SELF_MADE plan (a region's
     * own earlier work, which may be older than the programme).
     */
    public static LocalDate floorOf(MasterplanKind kind) {
        return kind == MasterplanKind.SELF_MADE ? null : Occurred.PROGRAMME_START;
    }

    /** A given date checked for a plan of this kind: well-formed, not in the future, not before the floor. */
    public static Occurred checked(Occurred given, String field, MasterplanKind kind, Clock clock) {
        return given == null ? null : given.checkedSince(field, clock, floorOf(kind));
    }

    /**
     * The order rule: refuses (400 on {@code field}) an act dated {@code act} that is surely before the act it depends
     * on ({@code what}), whose date is {@code earlierGiven} when it was recorded after the fact, else
     * {@code earlierRecorded}. {@code explicit}: the act's date is an {@code occurred} the write gave; when it is only
     * the act's own day field, an earlier act without a given date does not refuse it (see the class comment).
     */
    public static void notBefore(String field, Occurred act, boolean explicit, Occurred earlierGiven,
            OffsetDateTime earlierRecorded, String what) {
        if (act == null) {
            return;
        }
        if (earlierGiven != null) {
            act.notBefore(field, earlierGiven, what);
        } else if (explicit) {
            act.notBefore(field, earlierRecorded, what);
        }
    }

    /**
     * The date of a ratification: its {@code date} (DAY) when known; else the {@code occurred} given, which must lie
     * in the instrument's year; else the instrument's year (YEAR). A {@code date} and an {@code occurred} given together
     * must agree.
     */
    public static Occurred ratified(int year, LocalDate date, Occurred given) {
        if (given != null) {
            if (given.lastDay().getYear() < year || given.firstDay().getYear() > year) {
                throw ProblemException.badRequest("occurred", "must lie in the instrument's year " + year);
            }
            if (date != null && (date.isBefore(given.firstDay()) || date.isAfter(given.lastDay()))) {
                throw ProblemException.badRequest("occurred", "disagrees with the instrument's date " + date);
            }
        }
        if (date != null) {
            return Occurred.onDay(date);
        }
        return given != null ? given : Occurred.inYear(year);
    }

    /** A stage is held over its days: a given date must be able to fall within them. */
    public static void withinStage(String field, Occurred held, LocalDate startDate, LocalDate endDate, int stage) {
        if (held == null) {
            return;
        }
        if (held.lastDay().isBefore(startDate) || held.firstDay().isAfter(endDate)) {
            throw ProblemException.badRequest(field, "lies outside bimtek stage " + stage + "'s days (" + startDate
                    + (startDate.equals(endDate) ? "" : " to " + endDate) + ")");
        }
    }
}
