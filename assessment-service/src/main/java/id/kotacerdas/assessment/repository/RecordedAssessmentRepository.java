package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.EarlierCohort;
import id.kotacerdas.assessment.domain.EarlierCohorts;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.RecordedAssessmentRevision;
import id.kotacerdas.assessment.domain.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded outcomes of past assessments. Also an {@link EarlierCohorts} source: a SELECTED outcome is the region's
 * membership of that year's cohort (while it is not withdrawn).
 */
@ApplicationScoped
public class RecordedAssessmentRepository implements PanacheRepositoryBase<RecordedAssessment, UUID>, EarlierCohorts {

    public static final String SOURCE = "recorded assessment outcome";

    public Uni<Optional<RecordedAssessment>> byKey(int programmeYear, Track track, String regionCode) {
        return find("programmeYear = ?1 and track = ?2 and regionCode = ?3", programmeYear, track, regionCode)
                .firstResult().map(Optional::ofNullable);
    }

    /** Every recorded outcome not withdrawn (of one programme year when given), by year, track and region. */
    public Uni<List<RecordedAssessment>> list(Integer programmeYear) {
        return list(programmeYear, false);
    }

    /** Every recorded outcome (of one programme year when given; withdrawn ones too when asked), by year, track, region. */
    public Uni<List<RecordedAssessment>> list(Integer programmeYear, boolean includeWithdrawn) {
        String withdrawn = includeWithdrawn ? "" : "withdrawnAt is null";
        return programmeYear == null
                ? find((withdrawn.isEmpty() ? "" : withdrawn + " ") + "order by programmeYear, track, regionCode").list()
                : find("programmeYear = ?1 " + (withdrawn.isEmpty() ? "" : "and " + withdrawn + " ")
                        + "order by track, regionCode", programmeYear).list();
    }

    /** The SELECTED outcomes not withdrawn: members of their year's cohort. */
    public Uni<List<RecordedAssessment>> selected() {
        return find("outcome = ?1 and withdrawnAt is null order by programmeYear, track, regionCode",
                RecordedAssessment.Outcome.SELECTED).list();
    }

    /** The earlier values of an outcome, oldest first. */
    public Uni<List<RecordedAssessmentRevision>> revisionsOf(UUID recordId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from RecordedAssessmentRevision where recordId = :id order by revision", RecordedAssessmentRevision.class)
                .setParameter("id", recordId).getResultList());
    }

    /** Keeps an earlier value. */
    public Uni<Void> keep(RecordedAssessmentRevision revision) {
        return getSession().chain(s -> s.persist(revision)).chain(() -> flush());
    }

    @Override
    public Uni<List<EarlierCohort>> before(int programmeYear, Collection<String> regionCodes) {
        return getSession().chain(s -> s.createSelectionQuery("""
                select distinct r.programmeYear, r.track from RecordedAssessment r
                where r.regionCode in :codes and r.programmeYear < :year and r.outcome = :selected and r.withdrawnAt is null
                order by r.programmeYear""", Object[].class)
                .setParameter("codes", regionCodes).setParameter("year", programmeYear)
                .setParameter("selected", RecordedAssessment.Outcome.SELECTED).getResultList())
                .map(rows -> rows.stream().map(r -> new EarlierCohort((Integer) r[0], (Track) r[1], SOURCE)).toList());
    }
}
