package id.kotacerdas.testing.app;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** A tiny service used only by this module's {@code @QuarkusTest}s. */
@Path("/probe")
public class ProbeResource {

    @Inject
    JsonWebToken jwt;
    @Inject
    SecurityIdentity identity;
    @Inject
    Pool pool;
    @Inject
    DataSource dataSource;
    @Inject
    @Channel("probe")
    Emitter<String> emitter;

    @GET
    @Path("/officer")
    @RolesAllowed("region-officer")
    public Map<String, Object> officer() {
        return Map.of(
                "name", identity.getPrincipal().getName(),
                "sub", jwt.getSubject(),
                "regionCode", jwt.<String> getClaim("region_code"),
                "roles", identity.getRoles());
    }

    @GET
    @Path("/auditor")
    @RolesAllowed("auditor")
    public String auditor() {
        return identity.getPrincipal().getName();
    }

    @GET
    @Path("/db/reactive")
    public Uni<String> reactive() {
        return pool.query("select current_user || '@' || current_database()").execute()
                .map(rows -> rows.iterator().next()).map((Row r) -> r.getString(0));
    }

    @GET
    @Path("/db/jdbc")
    public String jdbc() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select current_user || '@' || current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Completes when Kafka acknowledged the record. */
    @POST
    @Path("/events/{key}")
    public CompletionStage<String> publish(@PathParam("key") String key, String body) {
        return Uni.createFrom().<Void> emitter(done -> emitter.send(Message.of(body)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(key).build())
                .withAck(() -> {
                    done.complete(null);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    done.fail(e);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                })))
                .replaceWith("sent " + key).subscribeAsCompletionStage();
    }
}
