package id.kotacerdas.agreement;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a reactive use case the way Quarkus runs a request or a scheduled job: on a safe duplicated Vert.x context
 * (which Hibernate Reactive requires), and waits for its result on the test thread.
 */
final class OnVertx {

    private OnVertx() {
    }

    static <T> T await(Vertx vertx, Supplier<Uni<T>> work) throws Exception {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result.get(60, TimeUnit.SECONDS);
    }
}
