package id.kotacerdas.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a create safe to retry. With an {@code Idempotency-Key}, the first request's answer is stored in the same
 * transaction as the create; a retry with the same key and the same request gets the stored answer again
 * ({@link IdempotentResult.Replayed}) and creates nothing; the same key with a different request is {@code 422}.
 * Keys are scoped to the caller. Must run inside the create's transaction ({@code @WithTransaction}).
 * <p>
 * Two requests with the same key at the same time (a client that retries before its first attempt was answered)
 * both get the one answer: a transaction-scoped advisory lock on the key makes the second wait until the first has
 * committed (or rolled back), and then it replays (or creates).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** First key of the two-key advisory locks taken here; other platform locks use the one-key (bigint) space. */
    static final int LOCK_NAMESPACE = 0x1de0_0001;

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

    /**
     * Runs {@code create} once per caller and key.
     *
     * @param request what identifies the request (its path parameters and body): a retry must send the same
     * @param create the create itself, in the caller's transaction; its answer is stored with the key
     */
    public <T> Uni<IdempotentResult<T>> execute(Caller caller, String key, Object request,
            Supplier<Uni<IdempotentResult.Created<T>>> create) {
        if (key == null) {
            return create.get().map(created -> created);
        }
        // A create is an action whose answer is a 201: one code path for both (lock, lookup, replay, store).
        return executeAction(caller.subject(), key, request, () -> create.get().map(created -> created),
                result -> result instanceof IdempotentResult.Created<T> created
                        ? new StoredAnswer(201, created.location(), created.version(),
                                mapper.valueToTree(created.representation()), false)
                        : null,
                stored -> new IdempotentResult.Replayed<>(stored.location(), stored.version(), stored.body()));
    }

    /**
     * Runs a state-changing action (a transition, a correction, a recorded fact) once per caller and key, as
     * {@link Idempotent} resources do: its 2xx answer is stored with the key in the action's transaction; a retry with
     * the same key and request gets that answer again ({@link StoredAnswer#replayed()}) and changes nothing. An
     * answer that is not 2xx (or a failure, which rolls the transaction back) is not stored: a retry runs again.
     *
     * @param subject the caller's subject: keys are scoped to the caller
     * @param request what identifies the request (the operation, its path parameters, preconditions and body)
     * @param action the action, in the caller's transaction
     * @param store the stored form of the action's answer, or {@code null} when it is not to be stored
     * @param replay the answer rebuilt from its stored form
     */
    public <R> Uni<R> executeAction(String subject, String key, Object request, Supplier<Uni<R>> action,
            Function<R, StoredAnswer> store, Function<StoredAnswer, R> replay) {
        String id = sha256(subject + "\n" + key);
        String fingerprint = sha256(request == null ? "" : mapper.valueToTree(request).toString());
        return lock(id)
                .chain(() -> IdempotencyRecord.<IdempotencyRecord>findById(id))
                .chain(existing -> {
                    if (existing != null) {
                        if (!existing.requestFingerprint.equals(fingerprint)) {
                            return Uni.createFrom().failure(keyReused());
                        }
                        return Uni.createFrom().item(replay.apply(new StoredAnswer(existing.status,
                                existing.location == null ? null : URI.create(existing.location),
                                unquoted(existing.etag), existing.body, true)));
                    }
                    return action.get().call(answer -> {
                        StoredAnswer stored = store.apply(answer);
                        if (stored == null || stored.status() < 200 || stored.status() > 299) {
                            return Uni.createFrom().voidItem();
                        }
                        IdempotencyRecord record = new IdempotencyRecord();
                        record.id = id;
                        record.requestFingerprint = fingerprint;
                        record.status = stored.status();
                        record.location = stored.location() == null ? null : stored.location().toString();
                        record.etag = stored.version();
                        record.body = stored.body();
                        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                        return record.persist();
                    });
                });
    }

    /**
     * An answer as stored with its key: the status, {@code Location}, the entity tag's value and the body.
     *
     * @param replayed whether this is the stored answer to an earlier request
     */
    public record StoredAnswer(int status, URI location, String version, JsonNode body, boolean replayed) {
    }

    private static ProblemException keyReused() {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was already used for a different request.",
                List.of(new Violation(HEADER, "was already used for a different request")), Map.of());
    }

    /** Waits for any other transaction holding the same key; released when this transaction ends. */
    private static Uni<Long> lock(String id) {
        int key = Integer.parseUnsignedInt(id.substring(0, 8), 16);
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:namespace, :key)) AS locked", Long.class)
                .setParameter("namespace", LOCK_NAMESPACE)
                .setParameter("key", key)
                .getSingleResult());
    }

    /** Records written before versions were stored bare carry the entity tag in its header form, {@code "3"}. */
    private static String unquoted(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
