package id.kotacerdas.platform.idempotency;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@code POST}s of an {@link Idempotent} resource safe to retry: with an {@code Idempotency-Key}, the action
 * runs in one transaction with the storing of its answer (the services' own {@code @WithTransaction} joins it), and a
 * retry gets the stored answer. What identifies a request is the operation, its path and header parameters (e.g.
 * {@code If-Match}) and its body; the same key with another request is {@code 422}. Without the header, the action
 * runs as it always did.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class IdempotentActionInterceptor {

    private static final List<String> NOT_PART_OF_THE_REQUEST = List.of("jakarta.ws.rs.", "io.vertx.", "io.quarkus.",
            "org.jboss.resteasy.");

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    CurrentIdentityAssociation identity;

    /** Per method: its plan, or empty when the interceptor leaves it alone (not a POST, or it handles the key). */
    private final Map<Method, Optional<Plan>> plans = new ConcurrentHashMap<>();

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        Plan plan = plans.computeIfAbsent(ctx.getMethod(), m -> Optional.ofNullable(Plan.of(m, mapper))).orElse(null);
        RoutingContext routing = plan == null ? null : currentRequest.getCurrent();
        String key = routing == null ? null : routing.request().getHeader(Idempotency.HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        Idempotency.validateKey(key);
        List<Object> request = new ArrayList<>();
        request.add(plan.operation());
        for (int i : plan.requestParameters()) {
            request.add(ctx.getParameters()[i]);
        }
        return identity.getDeferredIdentity().map(Caller::of).chain(caller -> Panache.withTransaction(
                () -> idempotency.executeAction(caller.subject(), key, request, () -> proceed(ctx),
                plan::stored, stored -> {
                    if (!plan.answersResponse()) {
                        routing.response().putHeader(IdempotentResponses.REPLAYED_HEADER, "true");
                    }
                    return plan.replayed(stored);
                })));
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext ctx) {
        try {
            return (Uni<Object>) ctx.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** What the interceptor does for one method: nothing ({@code null}) unless it is a POST answering a Uni. */
    record Plan(String operation, int[] requestParameters, JavaType answerType, ObjectMapper mapper) {

        static Plan of(Method method, ObjectMapper mapper) {
            if (!method.isAnnotationPresent(POST.class) || method.getReturnType() != Uni.class) {
                return null;
            }
            List<Integer> parameters = new ArrayList<>();
            Annotation[][] annotations = method.getParameterAnnotations();
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                boolean context = false;
                for (Annotation a : annotations[i]) {
                    if (a instanceof HeaderParam h && Idempotency.HEADER.equalsIgnoreCase(h.value())) {
                        return null; // the method handles the key itself
                    }
                    context |= a instanceof Context;
                }
                String type = types[i].getName();
                if (!context && NOT_PART_OF_THE_REQUEST.stream().noneMatch(type::startsWith)) {
                    parameters.add(i);
                }
            }
            Type answer = method.getGenericReturnType() instanceof ParameterizedType p
                    ? p.getActualTypeArguments()[0] : Object.class;
            return new Plan(method.getDeclaringClass().getName() + "#" + method.getName(),
                    parameters.stream().mapToInt(Integer::intValue).toArray(),
                    mapper.getTypeFactory().constructType(answer), mapper);
        }

        Idempotency.StoredAnswer stored(Object answer) {
            if (answer instanceof Response r) {
                EntityTag tag = r.getEntityTag();
                return new Idempotency.StoredAnswer(r.getStatus(), r.getLocation(), tag == null ? null : tag.getValue(),
                        r.getEntity() == null ? null : mapper.valueToTree(r.getEntity()), false);
            }
            return new Idempotency.StoredAnswer(200, null, null, mapper.valueToTree(answer), false);
        }

        boolean answersResponse() {
            return answerType.getRawClass() == Response.class;
        }

        Object replayed(Idempotency.StoredAnswer stored) {
            if (answersResponse()) {
                Response.ResponseBuilder builder = Response.status(stored.status())
                        .header(IdempotentResponses.REPLAYED_HEADER, "true");
                if (stored.body() != null) {
                    builder.entity(stored.body());
                }
                if (stored.location() != null) {
                    builder.location(stored.location());
                }
                if (stored.version() != null) {
                    builder.tag(new EntityTag(stored.version()));
                }
                return builder.build();
            }
            JsonNode body = stored.body();
            return body == null || body.isNull() ? null : mapper.convertValue(body, answerType);
        }
    }
}
