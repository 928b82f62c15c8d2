package id.kotacerdas.assessment.domain;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

/**
 * A port: the earlier cohorts of a region, before a programme year. Every CDI bean implementing it is asked and the
 * answers are merged ({@code SelectionService}): this service's own confirmed selections are one source; the
 * historical cohorts (2017–2021, imported) plug in as another bean, without changes here.
 */
public interface EarlierCohorts {

    /**
     * The cohorts of programme years before {@code programmeYear} that any of {@code regionCodes} belonged to (a
     * region's current code and the codes it had before, e.g. Papua's pre-2022 codes). Runs inside the caller's
     * session: chain, never run in parallel.
     */
    Uni<List<EarlierCohort>> before(int programmeYear, Collection<String> regionCodes);
}
