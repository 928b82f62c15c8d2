package id.kotacerdas.assessment.config;

import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.service.CohortService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports the programme's history shipped with the service at start: {@code reference-data/cohorts/cohorts.csv}
 * (the members that public sources name, with their sources; partial for 2021–2023 and saying so) and
 * {@code declared.csv} (the ministry's declared sizes and repeats, with sources). What is there already is left alone
 * ({@link CohortService#record}), so restarts add nothing and publish nothing twice. A malformed file stops the start.
 */
@ApplicationScoped
public class CohortImporter {

    private static final Logger LOG = Logger.getLogger(CohortImporter.class);
    static final String MEMBERS = "reference-data/cohorts/cohorts.csv";
    static final String DECLARED = "reference-data/cohorts/declared.csv";

    @Inject
    CohortService cohorts;

    /**
     * {@code kotacerdas.history.import-at-start}: {@code false} leaves the shipped history out at start, so that an
     * environment (deploy/local) loads it through the importer (the record-from-source paths) instead.
     */
    @ConfigProperty(name = "kotacerdas.history.import-at-start", defaultValue = "true")
    boolean importAtStart;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!importAtStart) {
            LOG.info("Cohort history: not imported at start (kotacerdas.history.import-at-start=false)");
            return;
        }
        importShipped();
    }

    /** Imports what is missing of the shipped history; returns the cohorts ({@code year/track}) that gained something. */
    public List<String> importShipped() throws Throwable {
        List<CohortService.MemberRecord> members = members(rows(MEMBERS));
        List<CohortService.DeclaredRecord> declared = declared(rows(DECLARED));
        List<String> changed = VertxContextSupport.subscribeAndAwait(
                () -> cohorts.record(FrameworkLoader.SYSTEM, members, declared));
        LOG.infof("Cohort history: %d members and %d declared figures shipped; cohorts recorded now: %s",
                members.size(), declared.size(), changed.isEmpty() ? "none (all there)" : changed);
        return changed;
    }

    static List<CohortService.MemberRecord> members(List<Map<String, String>> rows) {
        return rows.stream().map(r -> {
            String level = r.get("level");
            String repeat = r.get("repeat_of_year");
            return new CohortService.MemberRecord(Integer.parseInt(r.get("year")), Track.ofLevel(level),
                    r.get("region_code"), r.get("region_name_as_in_source"), level,
                    repeat == null || repeat.isBlank() ? null : Integer.valueOf(repeat), r.get("source_url"),
                    r.get("confidence"), r.get("notes"));
        }).toList();
    }

    static List<CohortService.DeclaredRecord> declared(List<Map<String, String>> rows) {
        return rows.stream().map(r -> new CohortService.DeclaredRecord(Integer.parseInt(r.get("year")),
                Track.valueOf(r.get("track")), Integer.parseInt(r.get("size")), Integer.parseInt(r.get("repeats")),
                r.get("source_url"), r.get("note"))).toList();
    }

    static List<Map<String, String>> rows(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Shipped cohort data " + resource + " is not on the class path");
            }
            return CohortCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
