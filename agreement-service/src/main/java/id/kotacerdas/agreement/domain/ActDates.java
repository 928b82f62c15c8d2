package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * The dates of an MoU's acts (issue 18: every act on the date it happened) and the order they must keep. An act's
 * date is the {@code occurred} its write gave, else the day (in Jakarta) it was recorded. A date is stored as its
 * first day with its precision ({@link #of}, {@link #firstDay}).
 * <p>
 * The order: the scheduling is not before the draft; the signing (one by one, or at a ceremony held) is not before
 * the draft and the scheduling; a withdrawal is not before the draft and the scheduling. Amendments and terminations
 * are not before the signing ({@code MouService}, as before). Each rule is a 400 naming the field of the later act;
 * precision-aware ({@link Occurred#notBefore}): {@code 2023} (YEAR) is not before {@code 2023-02-28}.
 */
public final class ActDates {

    private ActDates() {
    }

    /** The date stored as its first day and precision; {@code null} when none is stored. */
    public static Occurred of(LocalDate firstDay, Occurred.Precision precision) {
        if (firstDay == null) {
            return null;
        }
        return switch (precision == null ? Occurred.Precision.DAY : precision) {
            case DAY -> Occurred.onDay(firstDay);
            case MONTH -> Occurred.inMonth(YearMonth.from(firstDay));
            case YEAR -> Occurred.inYear(firstDay.getYear());
        };
    }

    /** The first day of a date, as stored; {@code null} for none. */
    public static LocalDate firstDay(Occurred date) {
        return date == null ? null : date.firstDay();
    }

    /** The precision of a (normalized) date, as stored; {@code null} for none. */
    public static Occurred.Precision precision(Occurred date) {
        return date == null ? null : date.precision();
    }

    /** An act's date: the one its write gave, else the day it was recorded; {@code null} when neither is known. */
    public static Occurred actDate(Occurred given, OffsetDateTime recordedAt) {
        if (given != null) {
            return given;
        }
        return recordedAt == null ? null : Occurred.at(recordedAt);
    }

    /** A scheduling dated {@code act} (field {@code field}) is not before the MoU's draft. */
    public static void requireSchedulingInOrder(String field, Occurred act, Mou mou) {
        act.notBefore(field, mou.drafted(), "the draft of " + mou.regionName + "'s MoU");
    }

    /** A signing on {@code day} (field {@code field}: {@code signedOn}, {@code heldOn}) is not before the draft or the scheduling. */
    public static void requireSigningInOrder(String field, LocalDate day, Mou mou) {
        Occurred signing = Occurred.onDay(day);
        signing.notBefore(field, mou.drafted(), "the draft of " + mou.regionName + "'s MoU");
        signing.notBefore(field, mou.scheduled(), "the scheduling of " + mou.regionName + "'s MoU");
    }

    /** A withdrawal dated {@code act} is not before the draft or the scheduling (when scheduled). */
    public static void requireWithdrawalInOrder(String field, Occurred act, Mou mou) {
        act.notBefore(field, mou.drafted(), "the draft of " + mou.regionName + "'s MoU");
        if (mou.state == MouState.SCHEDULED) {
            act.notBefore(field, mou.scheduled(), "the scheduling of " + mou.regionName + "'s MoU");
        }
    }
}
