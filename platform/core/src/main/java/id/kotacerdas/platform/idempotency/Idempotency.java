package id.kotacerdas.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a create safe to retry. With an {@code Idempotency-Key}, the first request's outcome is
 * stored in the same transaction as the create; a retry with the same key and the same request gets
 * the stored response again (header {@code Idempotent-Replayed: true}) and creates nothing; the same
 * key with a different request is {@code 422}. Must run inside the create's transaction.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Inject
    ObjectMapper mapper;

    /** Validates a key before any work starts; {@code null} means the request carried none. */
    public static void validateKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "Idempotency-Key: must be 1 to 255 visible ASCII characters",
                    List.of(new Violation(HEADER, "must be 1 to 255 visible ASCII characters")), Map.of());
        }
    }

    public Uni<Response> execute(Caller caller, String key, Object request, Supplier<Uni<Created>> create) {
        if (key == null) {
            return create.get().map(Created::toResponse);
        }
        String id = sha256(caller.subject() + "\n" + key);
        String fingerprint = sha256(request == null ? "" : mapper.valueToTree(request).toString());
        return IdempotencyRecord.<IdempotencyRecord>findById(id).flatMap(existing -> {
            if (existing != null) {
                if (!existing.requestFingerprint.equals(fingerprint)) {
                    return Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reused",
                            "Idempotency key reused", "This Idempotency-Key was already used for a different request.",
                            List.of(new Violation(HEADER, "was already used for a different request")), Map.of()));
                }
                Response.ResponseBuilder replay = Response.status(existing.status).entity(existing.body)
                        .header("Idempotent-Replayed", "true");
                if (existing.location != null) {
                    replay.location(URI.create(existing.location));
                }
                if (existing.etag != null) {
                    replay.tag(EntityTag.valueOf(existing.etag));
                }
                return Uni.createFrom().item(replay.build());
            }
            return create.get().flatMap(created -> {
                IdempotencyRecord record = new IdempotencyRecord();
                record.id = id;
                record.requestFingerprint = fingerprint;
                record.status = 201;
                record.location = created.location().toString();
                record.etag = created.etag() == null ? null : created.etag().toString();
                record.body = mapper.valueToTree(created.body());
                record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                return record.persist().replaceWith(created.toResponse());
            });
        });
    }

    /** A created resource: where it is, its version tag and its representation. */
    public record Created(URI location, EntityTag etag, Object body) {
        Response toResponse() {
            Response.ResponseBuilder builder = Response.created(location).entity(body);
            if (etag != null) {
                builder.tag(etag);
            }
            return builder.build();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
