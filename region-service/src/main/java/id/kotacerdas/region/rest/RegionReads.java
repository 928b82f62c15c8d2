package id.kotacerdas.region.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.domain.RegionCodeChange;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.repository.RegionRepository;
import id.kotacerdas.region.service.RegionIndex;
import id.kotacerdas.region.service.RegionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference reads of {@link RegionResource} answered from the {@link RegionIndex}: every body is serialised once
 * per reference-data version and tagged once (the tag is a digest of the body, so a {@code 304} needs no work beyond
 * comparing strings). Lookups and counts are prepared when a version is first used; list pages when first asked for,
 * kept up to {@link #MAX_LISTS} pages and {@link #MAX_LIST_BYTES} bytes per version (past that they are built per
 * request, still without a query). A list with a query parameter this class does not know is not its business:
 * {@link #answersList(UriInfo, String)} says so, and the resource asks the database.
 */
@ApplicationScoped
public class RegionReads {

    /** The query parameters of a list that the index answers; any other parameter goes to the database. */
    static final Set<String> LIST_PARAMETERS = Set.of("level", "provinceCode", "administrative", "q", "sort", "page", "size");
    static final int MAX_LISTS = 2048;
    static final long MAX_LIST_BYTES = 4L << 20;

    @Inject
    RegionIndex index;

    @Inject
    ObjectMapper json;

    @Inject
    ReferenceCaching caching;

    private volatile Prepared prepared;

    /** Whether {@link #list} answers this request (else the database does). */
    public boolean answersList(UriInfo uri, String q) {
        return RegionIndex.handles(q) && LIST_PARAMETERS.containsAll(uri.getQueryParameters().keySet());
    }

    /** {@code GET /api/v1/regions/{code}}. */
    public Uni<Response> lookup(String code, UriInfo uri, Request request) {
        return prepared().map(p -> {
            Representation found = p.lookups.get(code);
            if (found == null) {
                if (code == null || !Region.CODE.matcher(code).matches()) {
                    throw ProblemException.badRequest("code", RegionCode.MESSAGE);
                }
                throw ProblemException.notFound("No region has the code " + code + ".");
            }
            Response.ResponseBuilder answer = respond(p, found, request);
            if (found.currentCode != null) {
                answer.contentLocation(uri.getBaseUriBuilder().path("api/v1/regions").path(found.currentCode).build());
            }
            return answer.build();
        });
    }

    /** {@code GET /api/v1/regions/counts}. */
    public Uni<Response> counts(Request request) {
        return prepared().map(p -> respond(p, p.counts, request).build());
    }

    /** {@code GET /api/v1/regions} with the filters {@link #answersList} accepted. */
    public Uni<Response> list(RegionRepository.Filter filter, RegionRepository.SortField sort, boolean descending,
            PageParams paging, Request request) {
        return prepared().map(p -> {
            ListKey key = new ListKey(filter.level(), filter.parentCode(), filter.administrative(),
                    filter.q() == null ? null : RegionIndex.normalize(filter.q()), sort, descending,
                    paging.page, paging.size);
            Representation page = p.lists.get(key);
            if (page == null) {
                RegionRepository.Page result = p.snapshot.search(filter, sort, descending, paging.page, paging.size);
                page = p.represent(new RegionPage(
                        result.items().stream().map(r -> RegionMapper.toView(r, p.snapshot.provinceNames(), null)).toList(),
                        paging.page, paging.size, result.total(), paging.totalPages(result.total())), null);
                if (p.lists.size() < MAX_LISTS && p.listBytes.addAndGet(page.body.length) <= MAX_LIST_BYTES) {
                    p.lists.putIfAbsent(key, page);
                }
            }
            return respond(p, page, request).build();
        });
    }

    private Response.ResponseBuilder respond(Prepared p, Representation r, Request request) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(r.tag);
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(r.body, MediaType.APPLICATION_JSON_TYPE);
        // header(name, null) drops the tag evaluatePreconditions may have set: one ETag, already formatted
        return answer.header(HttpHeaders.ETAG, null).header(HttpHeaders.ETAG, r.tagHeader)
                .header(HttpHeaders.CACHE_CONTROL, p.cacheControl);
    }

    private Uni<Prepared> prepared() {
        return index.current().map(snapshot -> {
            Prepared p = prepared;
            if (p == null || p.snapshot != snapshot) {
                p = new Prepared(snapshot);
                prepared = p;
            }
            return p;
        });
    }

    /** A body and its tag. {@code currentCode}: for a replaced code, the code that replaced it. */
    record Representation(byte[] body, EntityTag tag, String tagHeader, String currentCode) {
    }

    /** The key of a list page: the filters as the index reads them (the search text normalised). */
    record ListKey(RegionLevel level, String parentCode, Boolean administrative, String q,
            RegionRepository.SortField sort, boolean descending, int page, int size) {
    }

    /** The representations of one snapshot. */
    private final class Prepared {

        final RegionIndex.Snapshot snapshot;
        final String cacheControl;
        final Map<String, Representation> lookups;
        final Representation counts;
        final ConcurrentHashMap<ListKey, Representation> lists = new ConcurrentHashMap<>();
        final AtomicLong listBytes = new AtomicLong();

        Prepared(RegionIndex.Snapshot snapshot) {
            this.snapshot = snapshot;
            CacheControl cc = caching.cacheControl();
            this.cacheControl = RuntimeDelegate.getInstance().createHeaderDelegate(CacheControl.class).toString(cc);
            Map<String, String> names = snapshot.provinceNames();
            Map<String, Representation> byCode = new HashMap<>();
            for (Region r : snapshot.regions()) {
                byCode.put(r.code, represent(RegionMapper.toView(r, names, null), null));
            }
            for (RegionCodeChange change : snapshot.replacedCodes().values()) {
                RegionService.Lookup found = snapshot.lookup(change.oldCode);
                if (found != null && !byCode.containsKey(change.oldCode)) {
                    byCode.put(change.oldCode, represent(RegionMapper.toView(found.region(), names, change),
                            found.region().code));
                }
            }
            this.lookups = Map.copyOf(byCode);
            this.counts = represent(counts(snapshot.counts(), names), null);
        }

        Representation represent(Object entity, String currentCode) {
            try {
                byte[] body = json.writeValueAsBytes(entity);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                EntityTag tag = new EntityTag("r" + snapshot.version() + "-"
                        + HexFormat.of().formatHex(digest, 0, 12));
                String header = RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class).toString(tag);
                return new Representation(body, tag, header, currentCode);
            } catch (JsonProcessingException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The body of {@code /counts} (as RegionResource built it from the queries). */
    static RegionCounts counts(RegionService.Counts counts, Map<String, String> names) {
        Map<String, Long> byLevel = new TreeMap<>();
        counts.byLevel().forEach((level, n) -> byLevel.put(level.name(), n));
        List<RegionCounts.ProvinceCount> byProvince = names.entrySet().stream()
                .map(p -> {
                    Map<RegionLevel, Long> levels = counts.byProvince().getOrDefault(p.getKey(), Map.of());
                    return new RegionCounts.ProvinceCount(p.getKey(), p.getValue(),
                            levels.getOrDefault(RegionLevel.KABUPATEN, 0L), levels.getOrDefault(RegionLevel.KOTA, 0L));
                }).toList();
        long total = byLevel.values().stream().mapToLong(Long::longValue).sum();
        return new RegionCounts(total, byLevel, byProvince);
    }
}
