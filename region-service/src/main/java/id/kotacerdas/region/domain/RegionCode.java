package id.kotacerdas.region.domain;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A Kemendagri region code: {@code PP} (province) or {@code PP.KK} (kabupaten/kota). */
@Documented
@Pattern(regexp = Region.CODE_REGEX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ PARAMETER, FIELD })
@Retention(RUNTIME)
public @interface RegionCode {

    /** The same rule, for documents (OpenAPI schemas). */
    String PATTERN = "^" + Region.CODE_REGEX + "$";

    /** What a malformed code is told. */
    String MESSAGE = "must be a Kemendagri code: PP or PP.KK (digits)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
