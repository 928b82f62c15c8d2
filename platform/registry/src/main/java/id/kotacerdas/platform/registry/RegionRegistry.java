package id.kotacerdas.platform.registry;

import id.kotacerdas.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service knows of Indonesia's regions, from its own replica of the region registry (kept by
 * {@link RegistryReplica}): whether a code exists, its level and province, and its current code.
 *
 * <p>While the replica is incomplete (it has not yet received every record of the newest registry version, e.g.
 * right after the service's first start), an answer that depends on a code being absent fails with a {@code 503}
 * problem ({@code registry-unavailable}, with {@code Retry-After}) instead of a wrong "no such region". An entry that
 * is present is answered (it is the newest the service knows). Every call reads the database, so all replicas of a
 * service answer alike.
 */
@ApplicationScoped
public class RegionRegistry {

    public static final String UNAVAILABLE_TYPE = "registry-unavailable";
    private static final int MAX_REPLACEMENTS = 10;
    private static final String COLUMNS = "code, name, level, parent_code, province_code, province_name, administrative,"
            + " replaced_by, replaces, registry_version";

    @Inject
    Pool pool;

    @Inject
    RegistryConfig config;

    /** How complete the replica is. */
    public Uni<RegistryStatus> status() {
        return pool.query("""
                SELECT registry_version, max(registry_size) AS registry_size, count(*) AS held
                FROM platform_region_registry
                WHERE registry_version = (SELECT max(registry_version) FROM platform_region_registry)
                GROUP BY registry_version""").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return RegistryStatus.EMPTY;
                    }
                    Row row = rows.iterator().next();
                    return new RegistryStatus(row.getLong("registry_version"), row.getInteger("registry_size"),
                            row.getLong("held"));
                });
    }

    /**
     * The entry of exactly this code (a replaced code's entry names its successor); empty when the complete registry
     * has no such code; a {@code 503} problem when the code is absent and the replica incomplete.
     */
    public Uni<Optional<RegisteredRegion>> find(String code) {
        if (code == null || code.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM platform_region_registry WHERE code = $1")
                .execute(Tuple.of(code))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().item(Optional.of(region(rows.iterator().next())))
                        : absent(code));
    }

    /** The current region of a code: the code's own entry, or its successor's when it was replaced (91.01 → 93.01). */
    public Uni<Optional<RegisteredRegion>> current(String code) {
        return current(code, 0);
    }

    private Uni<Optional<RegisteredRegion>> current(String code, int depth) {
        return find(code).flatMap(found -> {
            if (found.isEmpty() || !found.get().replaced()) {
                return Uni.createFrom().item(found);
            }
            if (depth >= MAX_REPLACEMENTS) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "The region registry replaces " + code + " in a cycle"));
            }
            return current(found.get().replacedBy(), depth + 1);
        });
    }

    /** Whether the code is known (current or replaced). */
    public Uni<Boolean> exists(String code) {
        return find(code).map(Optional::isPresent);
    }

    /** The current region of a code, or a {@code 404} problem when no region has it. */
    public Uni<RegisteredRegion> require(String code) {
        return current(code).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No region has the code " + code + ".")));
    }

    /** Every current region (replaced codes left out), by code; a {@code 503} problem while the replica is incomplete. */
    public Uni<List<RegisteredRegion>> regions() {
        return status().flatMap(status -> {
            if (!status.complete()) {
                return Uni.createFrom().failure(unavailable(status));
            }
            return pool.query("SELECT " + COLUMNS + " FROM platform_region_registry WHERE replaced_by IS NULL ORDER BY code")
                    .execute().map(RegionRegistry::regions);
        });
    }

    /** The {@code 503} problem of an incomplete replica. */
    public ProblemException unavailable(RegistryStatus status) {
        String detail = status.version() == 0
                ? "The region registry has not arrived yet from kotacerdas.region-registry.v1; try again shortly."
                : "The region registry is still arriving from kotacerdas.region-registry.v1 (" + status.held() + " of "
                        + status.size() + " records of version " + status.version() + "); try again shortly.";
        return new ProblemException(503, UNAVAILABLE_TYPE, "Region registry not ready", detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds()))));
    }

    private Uni<Optional<RegisteredRegion>> absent(String code) {
        return status().map(status -> {
            if (!status.complete()) {
                throw unavailable(status);
            }
            return Optional.empty();
        });
    }

    private static List<RegisteredRegion> regions(RowSet<Row> rows) {
        List<RegisteredRegion> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(region(row)));
        return out;
    }

    private static RegisteredRegion region(Row row) {
        String[] replaces = row.getArrayOfStrings("replaces");
        return new RegisteredRegion(row.getString("code"), row.getString("name"),
                RegionLevel.valueOf(row.getString("level")), row.getString("parent_code"),
                row.getString("province_code"), row.getString("province_name"), row.getBoolean("administrative"),
                row.getString("replaced_by"), replaces == null ? List.of() : List.copyOf(Arrays.asList(replaces)),
                row.getLong("registry_version"));
    }
}
