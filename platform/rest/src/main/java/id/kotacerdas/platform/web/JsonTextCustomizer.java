package id.kotacerdas.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string of every JSON request body must be storable ({@link TextRules}): one with a NUL character is refused
 * while the body is read, like malformed JSON, as a {@code 400} naming the field ({@link ProblemMappers}). Applies to
 * the REST layer's mapper only; stored JSON columns have their own.
 */
@Singleton
public class JsonTextCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("kotacerdas-storable-text")
                .addDeserializer(String.class, new StorableStringDeserializer()));
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (!TextRules.storable(value)) {
                throw new UnstorableText(p);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** A string that PostgreSQL could not store; {@link ProblemMappers} names its field. */
    public static final class UnstorableText extends MismatchedInputException {

        UnstorableText(JsonParser p) {
            super(p, TextRules.NUL_MESSAGE, String.class);
        }
    }
}
