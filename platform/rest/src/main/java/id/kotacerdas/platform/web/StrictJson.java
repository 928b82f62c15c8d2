package id.kotacerdas.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The one JSON policy of every request body of the suite (the REST layer's mapper; stored JSON columns have their own):
 * <ul>
 * <li>a key given twice in one object is a {@code 400} naming the key (Jackson's strict duplicate detection), never
 * "the last one wins";</li>
 * <li>no coercion of scalars: a string where a number or a boolean is expected ({@code "3"}), a number or a boolean
 * where a string is expected ({@code 12345}), a fraction where an integer is expected, an empty string for a number,
 * are a {@code 400} naming the field;</li>
 * <li>every string must be text ({@link TextRules}): no NUL, no control character other than tab, CR and LF;</li>
 * <li>nothing after the JSON value (trailing NUL bytes included);</li>
 * <li>unknown properties are refused (platform-rest's {@code quarkus.jackson.fail-on-unknown-properties}).</li>
 * </ul>
 * The body's bytes themselves (a {@code Content-Type}, UTF-8 only, no byte-order mark) are checked before Jackson
 * reads them, by {@link RequestBodyPolicy}. Every refusal becomes problem+json in {@link ProblemMappers}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Applies the policy to a mapper (also used by tests and by code that reads request JSON itself). */
    @SuppressWarnings("deprecation")
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType numberOrFlag : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(numberOrFlag)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("kotacerdas-strict-text")
                .addDeserializer(String.class, new TextDeserializer()));
        return mapper;
    }

    /** Jackson's own string reading (coercion rules included), then the text check. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)
                    && (p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT)
                            || p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT)
                            || p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_TRUE)
                            || p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_FALSE))) {
                throw new NotText(p, "must be a string, not " + p.getText());
            }
            String value = super.deserialize(p, ctxt);
            String refusal = TextRules.refusal(value);
            if (refusal != null) {
                throw new NotText(p, refusal);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** A string the suite does not accept as text; {@link ProblemMappers} names its field and gives this reason. */
    public static final class NotText extends MismatchedInputException {

        NotText(JsonParser p, String reason) {
            super(p, reason, String.class);
        }
    }
}
