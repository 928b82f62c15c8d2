package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a fake upstream saw, read directly from it (not through the gateway). */
record Upstream(int port) {

    /** The requests it received for this path, oldest first. */
    List<Map<String, Object>> requestsTo(String path) {
        List<Map<String, Object>> all = given().baseUri("http://localhost").port(port).get("/__fake/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(r -> path.equals(r.get("path"))).collect(Collectors.toList());
    }

    /** How many requests it received under this path prefix. */
    long requestsUnder(String prefix) {
        List<Map<String, Object>> all = given().baseUri("http://localhost").port(port).get("/__fake/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(r -> String.valueOf(r.get("path")).startsWith(prefix)).count();
    }

    /** Stops the fake server on {@code otherPort} (it refuses connections) or starts it again, through this one. */
    void instance(int otherPort, boolean up) {
        given().baseUri("http://localhost").port(port).queryParam("port", otherPort).queryParam("up", up)
                .put("/__fake/instance").then().statusCode(204);
    }

    /** The headers of the one request it received for this path. */
    @SuppressWarnings("unchecked")
    Map<String, String> headersOfOnlyRequestTo(String path) {
        List<Map<String, Object>> seen = requestsTo(path);
        if (seen.size() != 1) {
            throw new AssertionError("expected one request to " + path + " at the upstream, saw " + seen);
        }
        return (Map<String, String>) seen.get(0).get("headers");
    }

    /** What its readiness endpoint answers from now on (200 = ready). */
    void readiness(int status) {
        given().baseUri("http://localhost").port(port).queryParam("status", status).put("/__fake/ready")
                .then().statusCode(204);
    }

    JsonPath stats() {
        return given().baseUri("http://localhost").port(port).get("/__fake/stats").then().statusCode(200).extract().jsonPath();
    }
}
