package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.ResultLetterCounter;
import id.kotacerdas.assessment.domain.ResultLetterRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Result letters and the per-year counter of their numbers. */
@ApplicationScoped
public class ResultLetterRepository implements PanacheRepositoryBase<ResultLetter, UUID> {

    /** Every letter not withdrawn, newest first. */
    public Uni<List<ResultLetter>> all() {
        return all(false);
    }

    /** Every letter (withdrawn ones too when asked), newest first. */
    public Uni<List<ResultLetter>> all(boolean includeWithdrawn) {
        return getSession().chain(s -> s.createSelectionQuery("from ResultLetter "
                + (includeWithdrawn ? "" : "where withdrawnAt is null ") + "order by letterDate desc, numberSeq desc",
                ResultLetter.class).getResultList());
    }

    /** The earlier values of a letter, oldest first. */
    public Uni<List<ResultLetterRevision>> revisionsOf(UUID letterId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from ResultLetterRevision where letterId = :id order by revision", ResultLetterRevision.class)
                .setParameter("id", letterId).getResultList());
    }

    /** Keeps an earlier value. */
    public Uni<Void> keep(ResultLetterRevision revision) {
        return getSession().chain(s -> s.persist(revision)).chain(() -> flush());
    }

    public Uni<java.util.Optional<ResultLetter>> byNumber(String number) {
        return find("number", number).firstResult().map(java.util.Optional::ofNullable);
    }

    public Uni<Boolean> numberTaken(int year, int sequence) {
        return count("numberYear = ?1 and numberSeq = ?2", year, sequence).map(n -> n > 0);
    }

    /**
     * The counter of a year, locked for the rest of the transaction ({@code SELECT ... FOR UPDATE}); created (at 0)
     * the first time. Two transactions creating the same year's counter at once: one fails on the primary key.
     */
    public Uni<ResultLetterCounter> lockCounter(int year) {
        return getSession().chain(s -> s.find(ResultLetterCounter.class, year, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(found);
                    }
                    ResultLetterCounter counter = new ResultLetterCounter();
                    counter.year = year;
                    counter.lastSeq = 0;
                    return s.persist(counter).chain(s::flush).replaceWith(counter);
                }));
    }
}
