package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a create of a service and its {@code Idempotency-Key} record in one transaction, so that the services return
 * domain results and only this REST helper speaks HTTP: the service's own {@code @WithTransaction} joins the
 * transaction opened here. A retry with the same key gets the stored answer and creates nothing.
 */
@ApplicationScoped
class IdempotentCreates {

    @Inject
    Idempotency idempotency;

    <T, V> Uni<Response> create(Caller caller, String key, Object request, Supplier<Uni<T>> create,
            Function<T, IdempotentResult.Created<V>> answer) {
        Idempotency.validateKey(key);
        return Panache.withTransaction(() -> idempotency.execute(caller, key, request,
                () -> create.get().map(answer))).map(IdempotentResponses::created);
    }
}
