package id.kotacerdas.platform.web;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts every query, path and header parameter of every service, so that a value that cannot be read is a
 * {@code 400} problem naming the parameter ({@code size: must be a whole number}), never the bare {@code 404} that
 * JAX-RS prescribes for a failed conversion. Typed parameters (numbers, booleans, enums, instants, UUIDs) are read
 * here; their bounds are Bean Validation constraints on the parameter ({@code @Min}, {@code @Max}, {@code @Size}).
 * Text is refused when it holds a NUL character ({@code \u0000}), which PostgreSQL cannot store.
 * <p>
 * A conversion failure leaves as a {@link ProblemException}; JAX-RS wraps it (in a {@code NotFoundException} for a
 * query or path parameter) and {@link ProblemMappers} unwraps it again: one mapper for every conversion failure.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == String.class) {
            return (ParamConverter<T>) converter(name, value -> TextRules.requireStorable(name, value), "text");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, value -> Integer.valueOf(value.trim()), "a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, value -> Long.valueOf(value.trim()), "a whole number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, ParamConverters::bool, "true or false");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(name, value -> OffsetDateTime.parse(value.trim()),
                    "an ISO 8601 instant with offset, e.g. 2026-11-01T00:00:00Z");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, value -> UUID.fromString(value.trim()), "a UUID");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)),
                    "one of " + Arrays.toString(type.getEnumConstants()));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                TextRules.requireStorable(name, value);
                try {
                    return parse.apply(value);
                } catch (ProblemException e) {
                    throw e;
                } catch (RuntimeException e) { // NumberFormatException, DateTimeParseException, IllegalArgumentException
                    throw ProblemException.badRequest(name, "must be " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The parameter's name as the client sends it, from its JAX-RS (or Quarkus REST) annotation. */
    static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String name = a instanceof QueryParam q ? q.value()
                        : a instanceof PathParam p ? p.value()
                        : a instanceof HeaderParam h ? h.value()
                        : a instanceof CookieParam c ? c.value()
                        : a instanceof FormParam f ? f.value()
                        : a instanceof MatrixParam m ? m.value()
                        : a instanceof RestQuery q ? q.value()
                        : a instanceof RestPath p ? p.value()
                        : a instanceof RestHeader h ? h.value()
                        : a instanceof RestCookie c ? c.value()
                        : a instanceof RestForm f ? f.value()
                        : a instanceof RestMatrix m ? m.value()
                        : null;
                if (name != null && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return "parameter";
    }
}
