package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import id.kotacerdas.region.domain.Region;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.repository.RegionRepository;
import id.kotacerdas.region.repository.RegionRepository.Filter;
import id.kotacerdas.region.repository.RegionRepository.SortField;
import id.kotacerdas.region.service.RegionIndex;
import id.kotacerdas.region.service.RegionService;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory registry answers every read exactly as the database queries do: the same regions in the same order,
 * the same totals, the same counts; and what it cannot answer the same way goes to the database.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class RegionIndexTest {

    static final String AUDITOR = Tokens.forUser("auditor", "auditor");

    @Inject
    RegionIndex index;

    @Inject
    RegionService database;

    @Test
    void everyFilterSortAndPageAnswersAsTheDatabaseDoes() throws Throwable {
        RegionIndex.Snapshot snapshot = VertxContextSupport.subscribeAndAwait(() -> index.current());
        List<RegionLevel> levels = new ArrayList<>(Arrays.asList(RegionLevel.values()));
        levels.add(null);
        List<String> texts = Arrays.asList(null, "pangkalpinang", "Kab. Bandung", "kota  administrasi jakarta", "ksb",
                "a", "Provinsi", "kab. ", "19", "JAYA");
        List<SortField> sorts = new ArrayList<>(Arrays.asList(SortField.values()));
        sorts.add(null);
        int compared = 0;
        for (RegionLevel level : levels) {
            for (String parent : Arrays.asList(null, "31")) {
                for (Boolean administrative : Arrays.asList(null, true, false)) {
                    for (String q : texts) {
                        for (SortField sort : sorts) {
                            for (boolean descending : new boolean[] { false, true }) {
                                if ((level != null || parent != null || administrative != null) && q != null
                                        && q.length() > 4) {
                                    continue; // enough combinations: every filter with the short texts
                                }
                                Filter filter = new Filter(level, parent, administrative, q);
                                for (int[] page : new int[][] { { 0, 20 }, { 2, 7 } }) {
                                    RegionRepository.Page expected = VertxContextSupport.subscribeAndAwait(
                                            () -> database.search(filter, sort, descending, page[0], page[1]));
                                    RegionRepository.Page actual = snapshot.search(filter, sort, descending, page[0], page[1]);
                                    assertThat(codes(actual.items())).as("%s sort %s %s page %s", filter, sort,
                                            descending ? "desc" : "asc", Arrays.toString(page))
                                            .isEqualTo(codes(expected.items()));
                                    assertThat(actual.total()).isEqualTo(expected.total());
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void lookupsCountsAndProvinceNamesAreTheDatabasesOwn() throws Throwable {
        RegionIndex.Snapshot snapshot = VertxContextSupport.subscribeAndAwait(() -> index.current());
        RegionService.Counts counts = VertxContextSupport.subscribeAndAwait(() -> database.counts());
        assertThat(snapshot.counts().byLevel()).isEqualTo(counts.byLevel());
        assertThat(snapshot.counts().byProvince()).isEqualTo(counts.byProvince());
        assertThat(snapshot.provinceNames())
                .isEqualTo(VertxContextSupport.subscribeAndAwait(() -> database.provinceNames()));
        for (String code : List.of("18.72", "91.01", "93.01", "31")) {
            RegionService.Lookup expected = VertxContextSupport.subscribeAndAwait(() -> database.lookup(code));
            RegionService.Lookup actual = snapshot.lookup(code);
            assertThat(actual.region().code).isEqualTo(expected.region().code);
            assertThat(actual.replacedCode() == null ? null : actual.replacedCode().newCode)
                    .isEqualTo(expected.replacedCode() == null ? null : expected.replacedCode().newCode);
        }
        assertThat(snapshot.lookup("99.99")).isNull();
    }

    @Test
    void aSearchTextBeyondAsciiAndAnUnknownParameterAreAnsweredByTheDatabase() {
        // kc_normalize drops what is not a-z or 0-9: "Cimahí" finds Kota Cimahi in the database either way
        given().auth().oauth2(AUDITOR).queryParam("q", "Cimahí").get("/api/v1/regions").then().statusCode(200)
                .body("items[0].name", equalTo("Kota Cimahi"));
        String fromIndex = given().auth().oauth2(AUDITOR).queryParam("level", "KOTA").get("/api/v1/regions").then()
                .statusCode(200).extract().header("ETag");
        // a parameter the index does not know: the database path, which ignores it, with its own kind of tag
        given().auth().oauth2(AUDITOR).queryParam("level", "KOTA").queryParam("unknownFilter", "x")
                .get("/api/v1/regions").then().statusCode(200)
                .body("items[0].code", equalTo("11.71"))
                .header("ETag", not(equalTo(fromIndex)));
    }

    @Test
    void aConditionalReadFromMemoryCarriesOneEtagAndItsCacheControl() {
        var first = given().auth().oauth2(AUDITOR).get("/api/v1/regions/51.02").then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertThat(first.headers().getValues("ETag")).containsExactly(etag);
        var again = given().auth().oauth2(AUDITOR).header("If-None-Match", etag).get("/api/v1/regions/51.02").then()
                .statusCode(304).extract();
        assertThat(again.headers().getValues("ETag")).containsExactly(etag);
        assertThat(again.header("Cache-Control")).isEqualTo(first.header("Cache-Control")).contains("max-age");
    }

    private static List<String> codes(List<Region> regions) {
        return regions.stream().map(r -> r.code).toList();
    }
}
