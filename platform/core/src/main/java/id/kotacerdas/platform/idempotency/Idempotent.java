package id.kotacerdas.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every state-changing {@code POST} of the annotated resource (or method) accepts an {@code Idempotency-Key}: a retry
 * with the same key gets the original answer, marked {@code Idempotent-Replayed: true}, and changes nothing
 * ({@link IdempotentActionInterceptor}). A method that takes the header as a parameter handles the key itself (the
 * creates, through {@link Idempotency#execute}) and is left alone. The platform's OpenAPI filter documents the header
 * on every {@code POST}.
 */
@InterceptorBinding
@Inherited
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
