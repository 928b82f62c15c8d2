package id.kotacerdas.apilint.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evolution rule on small hand-made pairs: each allowed change passes, each refused one is reported at its JSON
 * pointer. The released schema of every pair is {@link #RELEASED}.
 */
class SchemaEvolutionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A small event schema, as released. */
    static final String RELEASED = """
            {"$id": "https://kotacerdas.id/events/x/schemas/X.v1.json", "title": "X v1", "type": "object",
             "required": ["regionCode", "track"], "additionalProperties": false,
             "properties": {
               "regionCode": {"type": "string", "pattern": "^\\\\d{2}(\\\\.\\\\d{2})?$", "maxLength": 5},
               "track": {"type": "string", "enum": ["KAB_KOTA", "PROVINCE"]},
               "score": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
               "signedOn": {"type": "string", "format": "date"},
               "members": {"type": "array", "maxItems": 10,
                 "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}},
               "note": {"type": "string"}
             }}
            """;

    static JsonNode released() throws Exception {
        return JSON.readTree(RELEASED);
    }

    /** The released schema with one JSON merge patch (RFC 7396) applied. */
    static JsonNode changed(String mergePatch) throws Exception {
        JsonNode schema = released();
        merge((com.fasterxml.jackson.databind.node.ObjectNode) schema, JSON.readTree(mergePatch));
        return schema;
    }

    static void merge(com.fasterxml.jackson.databind.node.ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject() && target.get(e.getKey()) instanceof com.fasterxml.jackson.databind.node.ObjectNode child) {
                merge(child, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    @Test
    void theSameSchemaHasNoBreak() throws Exception {
        assertThat(SchemaEvolution.breaks(released(), released())).isEmpty();
    }

    @ParameterizedTest(name = "allowed: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            an optional property added                 | {"properties": {"occurred": {"type": "object", "properties": {"date": {"type": "string"}}}}}
            an optional nested property added          | {"properties": {"members": {"items": {"properties": {"role": {"type": "string"}}}}}}
            additionalProperties false dropped         | {"additionalProperties": null}
            additionalProperties false made true       | {"additionalProperties": true}
            a maximum raised                           | {"properties": {"score": {"maximum": 1000}}}
            a minimum lowered                          | {"properties": {"score": {"minimum": -1}}}
            a bound dropped                            | {"properties": {"members": {"maxItems": null}}}
            a maxLength raised                         | {"properties": {"regionCode": {"maxLength": 8}}}
            a pattern dropped                          | {"properties": {"regionCode": {"pattern": null}}}
            a format dropped                           | {"properties": {"signedOn": {"format": null}}}
            descriptions, titles and examples          | {"title": "X v1 (now described)", "description": "Why.", "examples": [{"regionCode": "19.71", "track": "KAB_KOTA"}], "properties": {"note": {"description": "Free text.", "examples": ["x"]}}}
            the $id made absolute                      | {"$id": "https://kotacerdas.id/events/y/schemas/X.v1.json"}
            """)
    void allowed(String change, String patch) throws Exception {
        assertThat(SchemaEvolution.breaks(released(), changed(patch))).as(change).isEmpty();
    }

    @ParameterizedTest(name = "refused: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a property removed                      | {"properties": {"note": null}}                                                    | /properties/note                             | property removed
            a nested property removed               | {"properties": {"members": {"items": {"properties": {"name": null}}}}}           | /properties/members/items/properties/name    | property removed
            a type changed                          | {"properties": {"note": {"type": "integer"}}}                                     | /properties/note/type                        | type changed from string to integer
            null no longer allowed                  | {"properties": {"score": {"type": "number"}}}                                     | /properties/score/type                       | type changed from null|number to number
            null newly allowed                      | {"properties": {"note": {"type": ["string", "null"]}}}                           | /properties/note/type                        | type changed from string to null|string
            a property made required                | {"required": ["regionCode", "track", "note"]}                                    | /required                                    | property note made required
            a nested property made required         | {"properties": {"members": {"items": {"required": ["name", "role"]}}}}           | /properties/members/items/required           | property role made required
            a property no longer required           | {"required": ["regionCode"]}                                                      | /required                                    | property track no longer required
            an enum value removed                   | {"properties": {"track": {"enum": ["KAB_KOTA"]}}}                                 | /properties/track/enum                       | enum value "PROVINCE" removed
            an enum value added                     | {"properties": {"track": {"enum": ["KAB_KOTA", "PROVINCE", "NATIONAL"]}}}         | /properties/track/enum                       | enum value "NATIONAL" added
            an enum added                           | {"properties": {"note": {"enum": ["a", "b"]}}}                                    | /properties/note/enum                        | enum added
            a const added                           | {"properties": {"note": {"const": "a"}}}                                          | /properties/note/const                       | const changed from null to "a"
            a maximum lowered                       | {"properties": {"score": {"maximum": 10}}}                                        | /properties/score/maximum                    | maximum narrowed from 100 to 10
            a minimum raised                        | {"properties": {"score": {"minimum": 1}}}                                         | /properties/score/minimum                    | minimum narrowed from 0 to 1
            a maxLength added                       | {"properties": {"note": {"maxLength": 200}}}                                      | /properties/note/maxLength                   | maxLength 200 added
            a maxItems lowered                      | {"properties": {"members": {"maxItems": 5}}}                                      | /properties/members/maxItems                 | maxItems narrowed from 10 to 5
            a minItems added                        | {"properties": {"members": {"minItems": 1}}}                                      | /properties/members/minItems                 | minItems 1 added
            a pattern changed                       | {"properties": {"regionCode": {"pattern": "^\\\\d{2}\\\\.\\\\d{2}$"}}}            | /properties/regionCode/pattern               | pattern changed
            a pattern added                         | {"properties": {"note": {"pattern": "^[a-z]+$"}}}                                 | /properties/note/pattern                     | pattern "^[a-z]+$" added
            a format changed                        | {"properties": {"signedOn": {"format": "date-time"}}}                             | /properties/signedOn/format                  | format changed
            items made unique                       | {"properties": {"members": {"uniqueItems": true}}}                                | /properties/members/uniqueItems              | items made unique
            additionalProperties made false nested  | {"properties": {"members": {"items": {"additionalProperties": false}}}}           | /properties/members/items/additionalProperties | additionalProperties made false
            additionalProperties constrained        | {"properties": {"members": {"items": {"additionalProperties": {"type": "string"}}}}} | /properties/members/items/additionalProperties | additionalProperties constrained
            an unknown keyword added                | {"properties": {"note": {"oneOf": [{"maxLength": 3}]}}}                            | /properties/note/oneOf                       | keyword oneOf changed
            """)
    void refused(String change, String patch, String pointer, String what) throws Exception {
        List<SchemaEvolution.Break> breaks = SchemaEvolution.breaks(released(), changed(patch));
        assertThat(breaks).as(change).isNotEmpty();
        assertThat(breaks).as(change).anySatisfy(b -> {
            assertThat(b.pointer()).isEqualTo(pointer);
            assertThat(b.what()).contains(what);
        });
    }

    @Test
    void additionalPropertiesMadeFalseAtTheTopIsRefusedWhereItWasOpen() throws Exception {
        JsonNode open = changed("{\"additionalProperties\": null}");
        assertThat(SchemaEvolution.breaks(open, released())).extracting(Object::toString)
                .contains("/additionalProperties: additionalProperties made false: a consumer's newer v1 event with an added property no longer validates");
    }

    @Test
    void everyBreakIsReportedNotOnlyTheFirst() throws Exception {
        JsonNode schema = changed("""
                {"properties": {"note": null, "track": {"enum": ["KAB_KOTA"]}, "score": {"maximum": 10}}}
                """);
        assertThat(SchemaEvolution.breaks(released(), schema)).extracting(SchemaEvolution.Break::pointer)
                .containsExactlyInAnyOrder("/properties/track/enum", "/properties/score/maximum", "/properties/note");
    }

    @Test
    void aPointerEscapesItsTokens() {
        assertThat(SchemaEvolution.escape("a/b~c")).isEqualTo("a~1b~0c");
    }
}
