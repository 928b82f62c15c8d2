package id.kotacerdas.region.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * HTTP caching of reference data. The regions change only with a migration, so a response is
 * identified by the schema version and the request URI: a conditional request is answered with
 * {@code 304} before any query runs.
 */
@ApplicationScoped
public class ReferenceCaching {

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "region.reference.max-age", defaultValue = "3600")
    int maxAgeSeconds;

    private volatile String dataVersion = "unknown";

    void onStart(@Observes StartupEvent event) {
        dataVersion = Optional.ofNullable(flyway.info().current())
                .map(info -> info.getVersion().getVersion()).orElse("none");
    }

    public EntityTag tagFor(UriInfo uri) {
        String key = dataVersion + "|" + uri.getRequestUri().getRawPath() + "?"
                + Optional.ofNullable(uri.getRequestUri().getRawQuery()).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new EntityTag("r" + dataVersion + "-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code 304} response when the client's copy is current, else {@code null}. */
    public Response notModified(Request request, EntityTag tag) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(tag);
        return builder == null ? null : builder.tag(tag).cacheControl(cacheControl()).build();
    }

    public Response ok(Object entity, EntityTag tag) {
        return Response.ok(entity).tag(tag).cacheControl(cacheControl()).build();
    }

    public CacheControl cacheControl() {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(maxAgeSeconds);
        cc.setPrivate(false);
        cc.setNoTransform(false);
        return cc;
    }
}
