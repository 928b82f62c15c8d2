package id.kotacerdas.region.service;

import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.ProgrammeStage;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionProfile;
import id.kotacerdas.region.domain.TimelineEntry;
import id.kotacerdas.region.repository.ProgrammeRepository;
import id.kotacerdas.region.repository.RegionProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the programme: a region's timeline and stage, and its dossier — all composed from what region-service
 * keeps from the events and its own tables, never by asking another service.
 */
@ApplicationScoped
public class ProgrammeService {

    @Inject
    RegionService regions;

    @Inject
    ProgrammeRepository programme;

    @Inject
    RegionProfileRepository profiles;

    /** A region's stage, the programme year it is about, and its programme years. */
    public record Status(ProgrammeStage stage, Integer stageYear, List<Integer> programmeYears) {
        public static final Status NONE = new Status(ProgrammeStage.NOT_IN_PROGRAMME, null, List.of());
    }

    public record TimelinePage(Region region, Status status, List<TimelineEntry> entries, long total) {
    }

    public record Dossier(Region region, RegionProfile profile, Status status, List<TimelineEntry> timeline,
            List<ProgrammeProjection.Mou> mous, List<ProgrammeProjection.Masterplan> masterplans,
            List<ProgrammeProjection.Evaluation> evaluations) {
    }

    @WithSession
    public Uni<TimelinePage> timeline(String code, int page, int size) {
        return regions.current(code).flatMap(region -> status(region.code)
                .flatMap(status -> programme.timelinePage(region.code, page, size)
                        .flatMap(entries -> programme.timelineSize(region.code)
                                .map(total -> new TimelinePage(region, status, entries, total)))));
    }

    @WithSession
    public Uni<Dossier> dossier(String code) {
        return regions.current(code).flatMap(region -> profiles.findById(region.code)
                .flatMap(profile -> status(region.code)
                        .flatMap(status -> programme.timeline(region.code)
                                .flatMap(timeline -> programme.mous(region.code)
                                        .flatMap(mous -> programme.masterplans(region.code)
                                                .flatMap(plans -> programme.evaluations(region.code)
                                                        .map(evaluations -> new Dossier(region, profile, status, timeline,
                                                                mous, plans, evaluations))))))));
    }

    /** The status of each of these regions (one query each way; regions without facts are not in programme). */
    @WithSession
    public Uni<Map<String, Status>> statuses(Collection<String> codes) {
        Map<String, Status> result = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String code : codes) {
            chain = chain.chain(() -> status(code).invoke(s -> result.put(code, s)).replaceWithVoid());
        }
        return chain.replaceWith(result);
    }

    private Uni<Status> status(String code) {
        return programme.programme(code).flatMap(p -> p == null ? Uni.createFrom().item(Status.NONE)
                : programme.programmeYears(code).map(years -> new Status(p.stage, p.stageYear, years)));
    }
}
