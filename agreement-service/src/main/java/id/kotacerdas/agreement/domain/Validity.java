package id.kotacerdas.agreement.domain;

import java.time.LocalDate;

/**
 * How long a signed MoU is in force: from the signing date for a number of years (the last day is the day before
 * the anniversary), or until a date the document names. It expires by itself the day after {@code until}.
 *
 * @param from the signing date, the first day in force
 * @param until the last day in force; after {@code from}
 * @param years the number of years it was signed for, or {@code null} when the document names an end date instead
 */
public record Validity(LocalDate from, LocalDate until, Integer years) {

    public static final int MAX_YEARS = 10;

    public Validity {
        if (from == null || until == null) {
            throw new IllegalArgumentException("a validity needs its first and last day");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a validity must end after it starts (" + from + " – " + until + ")");
        }
    }

    /** In force for {@code years} from {@code signedOn}: 2022-04-21 for 5 years is in force to 2027-04-20. */
    public static Validity ofYears(LocalDate signedOn, int years) {
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("years must be 1 to " + MAX_YEARS);
        }
        return new Validity(signedOn, signedOn.plusYears(years).minusDays(1), years);
    }

    /** In force from {@code signedOn} to the date the document names. */
    public static Validity until(LocalDate signedOn, LocalDate until) {
        return new Validity(signedOn, until, null);
    }

    /** Whether it is still in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }

    /** Whether it has expired by {@code day}: the day after its last day or later. */
    public boolean expiredBy(LocalDate day) {
        return day.isAfter(until);
    }

    /** The first day it is no longer in force. */
    public LocalDate expiresOn() {
        return until.plusDays(1);
    }
}
