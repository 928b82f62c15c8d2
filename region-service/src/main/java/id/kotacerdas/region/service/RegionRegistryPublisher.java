package id.kotacerdas.region.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.domain.RegistryPublication;
import id.kotacerdas.region.messaging.RegionEvents;
import id.kotacerdas.region.messaging.RegionEvents.RegionRegistered;
import id.kotacerdas.region.repository.RegionCodeChangeRepository;
import id.kotacerdas.region.repository.RegionRepository;
import id.kotacerdas.region.repository.RegistryPublicationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Publishes the region registry: every province and kabupaten/kota, and every replaced code pointing to its
 * successor, as one {@code RegionRegistered} event each on the compacted topic {@value RegionEvents#REGISTRY_TOPIC},
 * through the outbox, once per version of the reference data.
 *
 * <p>The version is the Flyway version of the newest reference-data migration ({@code V<n>__reference_*.sql}, see
 * {@link ReferenceDataVersion}); a digest of the records catches data changed by any other migration. All events and
 * the publication record are written in one transaction under an advisory lock, so two replicas starting at once
 * publish once, and a crash leaves either everything or nothing.
 */
@ApplicationScoped
public class RegionRegistryPublisher {

    private static final Logger LOG = Logger.getLogger(RegionRegistryPublisher.class);
    /** Its own mapper: the digest must not change when the REST layer's JSON settings do. */
    private static final ObjectMapper DIGEST_JSON = new ObjectMapper();

    @Inject
    RegionRepository regions;

    @Inject
    RegionCodeChangeRepository codeChanges;

    @Inject
    RegistryPublicationRepository publications;

    @Inject
    Outbox outbox;

    /** What a publication run did. */
    public record Result(RegistryPublication.Decision decision, long registryVersion, String digest, int registrySize) {
    }

    /** The registry records as the reference data stand now, sorted by code, without version and size (zero). */
    @WithSession
    public Uni<List<RegionRegistered>> currentRecords() {
        return regions.listAll(Sort.by("code")).flatMap(all -> codeChanges.listAll(Sort.by("oldCode"))
                .map(changes -> records(all, changes)));
    }

    /**
     * Publishes the current records as {@code version} unless the newest publication has that version and the same
     * data, or a newer version.
     */
    @WithTransaction
    public Uni<Result> publish(long version) {
        return publications.lockForPublication()
                .chain(() -> currentRecords())
                .chain(records -> publications.newest().chain(newest -> {
                    String digest = digest(records);
                    RegistryPublication.Decision decision = RegistryPublication.decide(newest, version, digest);
                    Result result = new Result(decision, version, digest, records.size());
                    if (decision == RegistryPublication.Decision.OLDER_THAN_PUBLISHED) {
                        LOG.warnf("Reference data version %d is older than the published registry version %d; "
                                + "not publishing it (consumers keep the newest version)", version, newest.registryVersion);
                    }
                    if (decision != RegistryPublication.Decision.PUBLISH) {
                        return Uni.createFrom().item(result);
                    }
                    if (newest != null && newest.registryVersion == version) {
                        LOG.warnf("Reference data changed without a new reference migration (still version %d); "
                                + "publishing it again under the same version", version);
                    }
                    RegistryPublication publication = new RegistryPublication();
                    publication.registryVersion = version;
                    publication.digest = digest;
                    publication.registrySize = records.size();
                    publication.publishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    return Multi.createFrom().iterable(records)
                            .onItem().transformToUniAndConcatenate(record -> outbox.append(RegionEvents.REGION_REGISTERED,
                                    record.code(), record.withVersion(version, records.size())))
                            .collect().last()
                            .chain(() -> publications.persist(publication))
                            .invoke(() -> LOG.infof("Region registry version %d (%d records) written to the outbox for %s",
                                    version, records.size(), RegionEvents.REGISTRY_TOPIC))
                            .replaceWith(result);
                }));
    }

    /** Builds the registry from the reference tables: regions by code, then the replaced codes. */
    static List<RegionRegistered> records(List<Region> all, List<RegionCodeChange> changes) {
        Map<String, Region> byCode = all.stream().collect(Collectors.toMap(r -> r.code, r -> r));
        Map<String, List<String>> replaces = new TreeMap<>();
        changes.forEach(c -> replaces.computeIfAbsent(c.newCode, k -> new ArrayList<>()).add(c.oldCode));
        List<RegionRegistered> records = new ArrayList<>();
        for (Region region : all) {
            String provinceCode = region.level == RegionLevel.PROVINCE ? region.code : region.parentCode;
            records.add(new RegionRegistered(region.code, region.name, region.level, region.parentCode, provinceCode,
                    provinceName(byCode, provinceCode, region.code), region.administrative, null,
                    replaces.getOrDefault(region.code, List.of()).stream().sorted().toList(), 0, 0));
        }
        for (RegionCodeChange change : changes) {
            Region successor = Objects.requireNonNull(byCode.get(change.newCode),
                    () -> "The successor " + change.newCode + " of " + change.oldCode + " is no region");
            records.add(new RegionRegistered(change.oldCode, change.name, successor.level, change.oldProvinceCode,
                    change.oldProvinceCode, provinceName(byCode, change.oldProvinceCode, change.oldCode),
                    successor.administrative, change.newCode, List.of(), 0, 0));
        }
        records.sort(Comparator.comparing(RegionRegistered::code));
        return records;
    }

    private static String provinceName(Map<String, Region> byCode, String provinceCode, String of) {
        Region province = byCode.get(provinceCode);
        if (province == null || province.level != RegionLevel.PROVINCE) {
            throw new IllegalStateException("The province " + provinceCode + " of " + of + " is no province");
        }
        return province.name;
    }

    /** SHA-256 of the records (as published, without version and size), in code order. */
    static String digest(List<RegionRegistered> records) {
        try {
            byte[] json = DIGEST_JSON.writeValueAsString(records).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest the region registry", e);
        }
    }
}
