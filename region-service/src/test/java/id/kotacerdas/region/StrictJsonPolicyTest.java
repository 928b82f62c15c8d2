package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RawHttp;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * platform-rest's one JSON policy (StrictJson, RequestBodyPolicy), on a real write: duplicate keys, coerced scalars,
 * control characters, a missing or odd Content-Type, other encodings and a byte-order mark are each a 4xx
 * problem+json naming the field, and the profile is left as it was (same ETag, same body).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class StrictJsonPolicyTest {

    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    /** A region no other test of the module writes. */
    static final String CODE = "11.07";
    static final String PATH = "/api/v1/regions/" + CODE + "/profile";

    String etag;
    String before;

    @BeforeEach
    void profile() {
        etag = RegionProfileTest.ensureProfile(CODE);
        before = given().auth().oauth2(MINISTRY).get(PATH).then().statusCode(200).extract().asString();
    }

    Response put(String contentType, byte[] body) {
        var spec = given().auth().oauth2(MINISTRY).header("If-Match", etag).body(body);
        if (contentType != null) {
            spec = spec.contentType(contentType);
        } else {
            spec = spec.noContentType();
        }
        return spec.put(PATH);
    }

    JsonPath refused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("detail")).isNotBlank();
        String after = given().auth().oauth2(MINISTRY).get(PATH).then().statusCode(200).header("ETag", etag).extract().asString();
        assertThat(after).isEqualTo(before);
        return problem;
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // a key twice, at the top and nested
            "`{\"website\":\"https://a.go.id\",\"website\":\"https://b.go.id\"}`                                  | website                  | more than once",
            "`{\"sekda\":{\"name\":\"A\",\"name\":\"B\",\"position\":\"Sekda\"}}`                                  | sekda.name               | more than once",
            "`{\"rpjmdPeriods\":[{\"startYear\":2016,\"endYear\":2021,\"regulation\":\"P\",\"endYear\":2022}]}`     | rpjmdPeriods[0].endYear  | more than once",
            // no coercion of scalars
            "`{\"rpjmdPeriods\":[{\"startYear\":\"2016\",\"endYear\":2021,\"regulation\":\"P\"}]}`                  | rpjmdPeriods[0].startYear | whole number",
            "`{\"rpjmdPeriods\":[{\"startYear\":2016.5,\"endYear\":2021,\"regulation\":\"P\"}]}`                    | rpjmdPeriods[0].startYear | whole number",
            "`{\"website\":12345}`                                                                                | website                  | must be a string",
            "`{\"website\":true}`                                                                                 | website                  | must be a string",
            // control characters other than tab, CR and LF
            "`{\"website\":\"https://a.go.id\\u0007\"}`                                                           | website                  | control characters",
            "`{\"sekda\":{\"name\":\"A\\u001b[31m\",\"position\":\"Sekda\"}}`                                     | sekda.name               | control characters",
            "`{\"sekda\":{\"name\":\"A\\u0000\",\"position\":\"Sekda\"}}`                                         | sekda.name               | NUL",
            // nothing after the value
            "`{\"website\":\"https://a.go.id\"} {}`                                                               | body                     | nothing after it",
    })
    void badJsonIsA400NamingTheFieldAndChangesNothing(String body, String field, String reason) {
        JsonPath problem = refused(put("application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(problem.getList("violations.field")).containsExactly(field);
        assertThat(problem.getString("violations[0].message")).contains(reason);
    }

    @Test
    void trailingNulBytesAreRefused() {
        byte[] json = "{\"website\":\"https://a.go.id\"}\0\0".getBytes(StandardCharsets.UTF_8);
        refused(put("application/json", json), 400);
    }

    @Test
    void tabsAndNewlinesAreText() {
        Response ok = put("application/json", RegionProfileTest.profile("https://tab.example.go.id").replace("\"Sekretaris Daerah\"",
                "\"Sekretaris\\tDaerah\\r\\n\"").getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(200);
    }

    @Test
    void aBodyWithoutContentTypeIsA415() {
        // sent byte for byte: HTTP clients add a Content-Type of their own
        byte[] body = "{\"website\":\"https://a.go.id\"}".getBytes(StandardCharsets.UTF_8);
        String head = "PUT " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + MINISTRY
                + "\r\nIf-Match: " + etag + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        RawHttp.Response response = RawHttp.sendBytes(RestAssured.port, request);
        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new JsonPath(response.body()).getString("detail")).contains("Content-Type");
        String after = given().auth().oauth2(MINISTRY).get(PATH).then().statusCode(200).header("ETag", etag).extract().asString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aCharsetOtherThanUtf8IsA415() {
        byte[] latin1 = "{\"website\":\"https://a.go.id\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refused(put("application/json; charset=ISO-8859-1", latin1), 415).getString("detail")).contains("ISO-8859-1");
    }

    @Test
    void utf16AndUtf32BodiesAreA415() {
        String json = RegionProfileTest.profile("https://utf16.example.go.id");
        refused(put("application/json", json.getBytes(StandardCharsets.UTF_16BE)), 415);
        refused(put("application/json", json.getBytes(StandardCharsets.UTF_16LE)), 415);
        refused(put("application/json", json.getBytes(StandardCharsets.UTF_16)), 415); // with its byte-order mark
        refused(put("application/json", json.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))), 415);
    }

    @Test
    void aByteOrderMarkIsA400() {
        byte[] json = ("\uFEFF" + RegionProfileTest.profile("https://bom.example.go.id")).getBytes(StandardCharsets.UTF_8);
        assertThat(refused(put("application/json", json), 400).getList("violations.field")).containsExactly("body");
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] json = "{\"website\":\"https://a.go.id/\"}".getBytes(StandardCharsets.UTF_8);
        json[json.length - 3] = (byte) 0xC3; // a lead byte without its continuation
        refused(put("application/json", json), 400);
    }

    /**
     * A control byte in a header never reaches a handler: Netty's HTTP/1.1 decoder refuses the request (its header
     * validation) and Vert.x's default invalid-request handler answers a bare {@code 400} and closes the connection;
     * Quarkus offers no hook for that handler (README, "What the HTTP layer answers"). Tab is a header's whitespace.
     * This holds the documented behaviour: a change of it (a problem body, or a request let through) fails here.
     */
    @Test
    void aControlByteInAHeaderIsRefusedByTheCodecWithABare400() {
        for (int c = 0; c < 0x20; c++) {
            if (c == '\t') {
                continue;
            }
            RawHttp.Response response = RawHttp.send(RestAssured.port, "GET", "/api/v1/regions/18.72",
                    "Authorization: Bearer " + MINISTRY, "X-Note: a" + (char) c + "b");
            assertThat(response.status()).as("U+%04X", c).isEqualTo(400);
            assertThat(response.body()).as("U+%04X", c).isEmpty();
        }
        RawHttp.Response del = RawHttp.send(RestAssured.port, "GET", "/api/v1/regions/18.72",
                "Authorization: Bearer " + MINISTRY, "X-Note: a\u007fb");
        assertThat(del.status()).isEqualTo(400);
        RawHttp.Response tab = RawHttp.send(RestAssured.port, "GET", "/api/v1/regions/18.72",
                "Authorization: Bearer " + MINISTRY, "X-Note: a\tb");
        assertThat(tab.status()).isEqualTo(200);
    }
}
