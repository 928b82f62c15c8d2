package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.EarlierCohort;
import id.kotacerdas.assessment.domain.EarlierCohorts;
import id.kotacerdas.assessment.domain.Selection;
import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.domain.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Confirmed selections and their entries; also the {@link EarlierCohorts} source of this service: the regions its
 * own earlier selections took.
 */
@ApplicationScoped
public class SelectionRepository implements PanacheRepositoryBase<Selection, UUID>, EarlierCohorts {

    public static final String SOURCE = "assessment-service selection";

    public Uni<Selection> ofCycle(UUID cycleId) {
        return find("cycleId", cycleId).firstResult();
    }

    public Uni<List<SelectionEntry>> entries(UUID selectionId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "from SelectionEntry where selectionId = :selection order by track, rank nulls last, regionCode",
                SelectionEntry.class).setParameter("selection", selectionId).getResultList());
    }

    public Uni<Void> persistEntries(List<SelectionEntry> entries) {
        return getSession().chain(s -> s.persistAll(entries.toArray())).chain(() -> flush());
    }

    @Override
    public Uni<List<EarlierCohort>> before(int programmeYear, Collection<String> regionCodes) {
        return getSession().chain(s -> s.createSelectionQuery("""
                select distinct s.programmeYear, e.track from SelectionEntry e, Selection s
                where e.selectionId = s.id and e.selected and e.regionCode in :codes and s.programmeYear < :year
                order by s.programmeYear""", Object[].class)
                .setParameter("codes", regionCodes).setParameter("year", programmeYear).getResultList())
                .map(rows -> rows.stream().map(r -> new EarlierCohort((Integer) r[0], (Track) r[1], SOURCE)).toList());
    }

}
