package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.CohortMember;
import id.kotacerdas.assessment.domain.CohortMemberRevision;
import id.kotacerdas.assessment.domain.DeclaredCohort;
import id.kotacerdas.assessment.domain.EarlierCohort;
import id.kotacerdas.assessment.domain.EarlierCohorts;
import id.kotacerdas.assessment.domain.ProgrammeStatistics;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The programme's history: imported cohort members and declared figures, and the members of this service's own
 * confirmed selections. Also the {@link EarlierCohorts} source of the imported cohorts (2017 onwards), so that a
 * region selected again learns it was, say, a 2017 member.
 */
@ApplicationScoped
public class CohortRepository implements PanacheRepositoryBase<CohortMember, UUID>, EarlierCohorts {

    public static final String SOURCE = "imported cohort record";

    public Uni<List<CohortMember>> members() {
        return getSession().chain(s -> s.createSelectionQuery(
                "from CohortMember order by programmeYear, track, regionCode", CohortMember.class).getResultList());
    }

    /** The cohorts one region is recorded in, earliest first. */
    public Uni<List<CohortMember>> membersOf(String regionCode) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from CohortMember where regionCode = :code order by programmeYear, track", CohortMember.class)
                .setParameter("code", regionCode).getResultList());
    }

    public Uni<List<CohortMember>> members(int year, Track track) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from CohortMember where programmeYear = :year and track = :track order by regionCode", CohortMember.class)
                .setParameter("year", year).setParameter("track", track).getResultList());
    }

    public Uni<List<DeclaredCohort>> declared() {
        return getSession().chain(s -> s.createSelectionQuery(
                "from DeclaredCohort order by programmeYear, track", DeclaredCohort.class).getResultList());
    }

    /** The selected regions of this service's confirmed selections, per programme year: cohorts from selections. */
    public Uni<List<Object[]>> selected() {
        return getSession().chain(s -> s.createSelectionQuery("""
                select s.programmeYear, e.track, e.regionCode, e.regionName, s.id from SelectionEntry e, Selection s
                where e.selectionId = s.id and e.selected order by s.programmeYear, e.track, e.regionCode""",
                Object[].class).getResultList());
    }

    /** The SELECTED recorded assessment outcomes not withdrawn: members of their year's cohort too. */
    public Uni<List<RecordedAssessment>> recordedSelected() {
        return getSession().chain(s -> s.createSelectionQuery(
                "from RecordedAssessment where outcome = :selected and withdrawnAt is null order by programmeYear, track, regionCode",
                RecordedAssessment.class).setParameter("selected", RecordedAssessment.Outcome.SELECTED).getResultList());
    }

    /** Every identified member (a region counted once per year: the statistics count distinct codes). */
    public Uni<List<ProgrammeStatistics.Member>> identifiedMembers() {
        return members().chain(imported -> selected().chain(selected -> recordedSelected().map(recorded -> {
            List<ProgrammeStatistics.Member> all = new java.util.ArrayList<>();
            imported.stream().filter(m -> !m.withdrawn())
                    .forEach(m -> all.add(new ProgrammeStatistics.Member(m.programmeYear, m.track, m.regionCode)));
            selected.forEach(r -> all.add(new ProgrammeStatistics.Member((Integer) r[0], (Track) r[1], (String) r[2])));
            recorded.forEach(r -> all.add(new ProgrammeStatistics.Member(r.programmeYear, r.track, r.regionCode)));
            return all;
        })));
    }

    /** The earlier values of a member, oldest first. */
    public Uni<List<CohortMemberRevision>> revisionsOf(UUID memberId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from CohortMemberRevision where memberId = :id order by revision", CohortMemberRevision.class)
                .setParameter("id", memberId).getResultList());
    }

    public Uni<Void> persistAll(Collection<?> entities) {
        return getSession().chain(s -> s.persistAll(entities.toArray())).chain(() -> flush());
    }

    @Override
    public Uni<List<EarlierCohort>> before(int programmeYear, Collection<String> regionCodes) {
        return getSession().chain(s -> s.createSelectionQuery("""
                select distinct m.programmeYear, m.track from CohortMember m
                where m.regionCode in :codes and m.programmeYear < :year and m.withdrawnAt is null order by m.programmeYear""", Object[].class)
                .setParameter("codes", regionCodes).setParameter("year", programmeYear).getResultList())
                .map(rows -> rows.stream().map(r -> new EarlierCohort((Integer) r[0], (Track) r[1], SOURCE)).toList());
    }
}
