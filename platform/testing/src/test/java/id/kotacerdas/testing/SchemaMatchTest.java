package id.kotacerdas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schema check the services' event-schema tests share: it passes an exact schema and names each difference. */
class SchemaMatchTest {

    enum Mode { VIRTUAL, HYBRID }

    record Party(String name, int rank) {
    }

    record Signed(UUID mouId, LocalDate signedOn, Mode mode, List<Party> parties) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode schema(String modeEnum, String rankType, String extra) throws Exception {
        return JSON.readTree("""
                {"type":"object","required":["mouId","signedOn"],"properties":{
                  "mouId":{"type":"string","format":"uuid"},"signedOn":{"type":"string","format":"date"},
                  "mode":{"type":["string","null"],"enum":%s},
                  "parties":{"type":"array","items":{"type":"object","required":["rank"],"properties":{
                    "name":{"type":"string"},"rank":{"type":"%s"}}}}%s}}""".formatted(modeEnum, rankType, extra));
    }

    @Test
    void anExactSchemaHasNoProblems() throws Exception {
        assertEquals(List.of(), SchemaMatch.exact().problems(Signed.class, schema("[\"VIRTUAL\",\"HYBRID\"]", "integer", "")));
        assertEquals(List.of(), SchemaMatch.enumSubsetsAndRequiredPrimitives()
                .problems(Signed.class, schema("[\"VIRTUAL\",null]", "integer", "")));
    }

    @Test
    void eachDifferenceIsNamedWithWhereItIs() throws Exception {
        assertEquals(Set.of(
                        "$: type [mouId, signedOn, mode, parties] but schema [mouId, signedOn, mode, parties, extra]",
                        "$.mode: enum [VIRTUAL] but type [VIRTUAL, HYBRID]",
                        "$.parties[].rank is an integer in the schema"),
                Set.copyOf(SchemaMatch.exact().problems(Signed.class,
                        schema("[\"VIRTUAL\"]", "string", ",\"extra\":{\"type\":\"string\"}"))));
        // a subset of the constants is what a payload field may carry
        assertEquals(List.of(), SchemaMatch.enumSubsetsAndRequiredPrimitives()
                .problems(Signed.class, schema("[\"VIRTUAL\"]", "integer", "")));
    }

    @Test
    void aPrimitiveComponentMustBeRequiredWhenAsked() throws Exception {
        JsonNode schema = schema("[\"VIRTUAL\",\"HYBRID\"]", "integer", "");
        ((com.fasterxml.jackson.databind.node.ObjectNode) schema.at("/properties/parties/items")).remove("required");
        assertEquals(List.of(), SchemaMatch.exact().problems(Signed.class, schema));
        assertEquals(List.of("$.parties[].rank is never null: the schema must require it"),
                SchemaMatch.enumSubsetsAndRequiredPrimitives().problems(Signed.class, schema));
    }
}
