package id.kotacerdas.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates a request body (its Bean Validation constraints) when the use case's turn for it comes, instead of
 * before the resource method runs ({@code @Valid}): a write checks that the resource exists (404) and that the caller
 * may change it (403) before it looks at the body (400). Violations become a {@code 400} naming each field
 * ({@link ProblemMappers}).
 */
@ApplicationScoped
public class RequestBodyValidator {

    @Inject
    Validator validator;

    /** The body itself when it is present and valid. */
    public <T> T validated(T body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "a request body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
