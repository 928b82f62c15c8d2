package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.repository.EvaluationRepository;
import id.kotacerdas.assessment.repository.ResultLetterRepository;
import id.kotacerdas.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The directorate general's letter numbers ({@link ResultLetterNumber}): one running number per year shared by every
 * classification (assessment results AI.01.02, evaluation results AI.01.04), never given twice. Both ways take the
 * year's counter with a write lock for the rest of the caller's transaction: {@link #next} gives the next numbers and
 * raises the counter; {@link #record} keeps an existing number ({@code 409} when any letter has it) and raises the
 * counter to it. Call inside the transaction that stores the letters.
 */
@ApplicationScoped
public class LetterNumbers {

    @Inject
    ResultLetterRepository letters;

    @Inject
    EvaluationRepository evaluations;

    /**
     * An existing number of the classification, checked against the letter's date (its MM/YYYY must be the date's),
     * or a {@code 422} naming {@code field}; null when there is none (the letter is to get the next number).
     */
    public static ResultLetterNumber parse(String existingNumber, String classification, LocalDate date, String field) {
        ResultLetterNumber given = existingNumber == null ? null
                : ResultLetterNumber.parse(existingNumber, classification, field);
        if (given != null && !given.fits(date)) {
            throw new RuleViolationException(field, String.format(
                    "%s names %02d/%d; the letter is dated %s", given, given.month(), given.year(), date));
        }
        return given;
    }

    /**
     * A number as a source writes it ({@link ResultLetterNumber#parseAsWritten}: {@code B-n} or {@code B.n}, any
     * classification), checked against the letter's date as {@link #parse} does ({@code 422} naming {@code field}).
     */
    public static ResultLetterNumber parseAsWritten(String number, LocalDate date, String field) {
        ResultLetterNumber given = ResultLetterNumber.parseAsWritten(number, field);
        if (!given.fits(date)) {
            throw new RuleViolationException(field, String.format(
                    "%s names %02d/%d; the letter is dated %s", number, given.month(), given.year(), date));
        }
        return given;
    }

    /** The next {@code count} numbers of the date's year, in order. */
    public Uni<List<ResultLetterNumber>> next(String classification, LocalDate date, int count) {
        return letters.lockCounter(date.getYear()).map(counter -> {
            List<ResultLetterNumber> out = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                out.add(ResultLetterNumber.of(counter.lastSeq + i, classification, date));
            }
            counter.lastSeq += count;
            return out;
        });
    }

    /** An existing number; {@code 409} when a letter of any classification already has the year's {@code n}. */
    public Uni<ResultLetterNumber> record(ResultLetterNumber given) {
        return letters.lockCounter(given.year())
                .chain(counter -> letters.numberTaken(given.year(), given.sequence())
                        .chain(taken -> taken ? Uni.createFrom().item(true)
                                : evaluations.letterNumberTaken(given.year(), given.sequence()))
                        .map(taken -> {
                            if (taken) {
                                throw ProblemException.conflict("The letter number B-" + given.sequence() + " of "
                                        + given.year() + " is already used (" + given
                                        + "); numbers are never reused.");
                            }
                            counter.lastSeq = Math.max(counter.lastSeq, given.sequence());
                            return given;
                        }));
    }
}
