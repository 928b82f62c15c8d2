package id.kotacerdas.agreement.domain;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;

/**
 * The dates of an MoU's acts (issue 18: every act on the date it happened) and the order they must keep. An act's
 * date is the {@code occurred} its write gave, else the day (in Jakarta) it was recorded. A date is stored as its
 * first day with its precision (platform {@link Occurred#stored}, {@link Occurred#firstDayOf}).
 * <p>
 * The order: the scheduling is not before the draft; the signing (one by one, or at a ceremony held) is not before
 * the draft and the scheduling; a withdrawal is not before the draft and the scheduling. Amendments and terminations
 * are not before the signing ({@code MouService}, as before). Each rule is a 400 naming the field of the later act;
 * precision-aware ({@link Occurred#notBefore}): {@code 2023} (YEAR) is not before {@code 2023-02-28}.
 */
public final class ActDates {

    private ActDates() {
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
