package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.web.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Well-formed input that the domain's rules refuse (weights that do not add up, a score outside the scale, a
 * deadline that has passed). The REST layer answers it with {@code 422}, naming each field.
 */
public class RuleViolationException extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), null,
                false, false);
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
