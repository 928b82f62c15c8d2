package id.kotacerdas.region.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The version of the region reference data: the Flyway version of the newest applied migration whose description
 * starts with {@code reference} ({@code V2__reference_regions.sql} gives 2). A new Kemendagri decree comes as a new
 * migration {@code V<n>__reference_<what>.sql} with a whole-number version, and so as a new registry version;
 * migrations of other tables leave it alone. Read once at start-up (Flyway has migrated by then).
 */
@ApplicationScoped
public class ReferenceDataVersion {

    static final String REFERENCE_PREFIX = "reference";

    @Inject
    Flyway flyway;

    private volatile long version;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        version = of(flyway.info().applied());
    }

    /** The current reference-data version. */
    public long current() {
        if (version == 0) {
            version = of(flyway.info().applied());
        }
        return version;
    }

    static long of(MigrationInfo[] applied) {
        MigrationInfo newest = Arrays.stream(applied)
                .filter(m -> m.getVersion() != null && m.getDescription() != null
                        && m.getDescription().toLowerCase(Locale.ROOT).startsWith(REFERENCE_PREFIX))
                .reduce((a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b)
                .orElseThrow(() -> new IllegalStateException("No reference-data migration (V<n>__reference_*.sql) applied"));
        String text = newest.getVersion().getVersion();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Reference-data migration " + newest.getScript()
                    + " needs a whole-number version (it is the registry version), not " + text, e);
        }
    }
}
