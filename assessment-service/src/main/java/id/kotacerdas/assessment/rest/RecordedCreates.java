package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.service.Recorded;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a record-from-source write, idempotent by the fact's natural key (the importer relies on it): new → {@code 201}
 * with {@code Location}; the same fact with the same content again → {@code 200} with the stored fact, nothing written
 * (no event, no audit entry); a differing one is the service's {@code 409}. An {@code Idempotency-Key}, when sent,
 * works as on every create.
 */
@ApplicationScoped
class RecordedCreates {

    @Inject
    Idempotency idempotency;

    <T, V> Uni<Response> record(Caller caller, String key, Object request, Supplier<Uni<Recorded<T>>> record,
            Function<T, URI> location, Function<T, String> version, Function<T, V> view) {
        Idempotency.validateKey(key);
        return Panache.withTransaction(() -> idempotency.execute(caller, key, request, () -> record.get().map(r -> {
            if (!r.created()) {
                // rolls the transaction back: the idempotency record is not kept, nothing else was written
                throw new AlreadyRecorded(view.apply(r.value()), version.apply(r.value()));
            }
            return new IdempotentResult.Created<>(location.apply(r.value()), version.apply(r.value()), view.apply(r.value()));
        }))).map(IdempotentResponses::created)
                .onFailure(AlreadyRecorded.class).recoverWithItem(e -> {
                    AlreadyRecorded already = (AlreadyRecorded) e;
                    Response.ResponseBuilder ok = Response.ok(already.view);
                    if (already.version != null) {
                        ok.tag(new EntityTag(already.version));
                    }
                    return ok.build();
                });
    }

    /** The same fact was recorded before with the same content. */
    static final class AlreadyRecorded extends RuntimeException {

        final transient Object view;
        final String version;

        AlreadyRecorded(Object view, String version) {
            super("already recorded", null, false, false);
            this.view = view;
            this.version = version;
        }
    }
}
