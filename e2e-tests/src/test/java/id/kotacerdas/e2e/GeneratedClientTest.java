package id.kotacerdas.e2e;

import static id.kotacerdas.e2e.Keycloak.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.kotacerdas.client.ApiClient;
import id.kotacerdas.client.ApiException;
import id.kotacerdas.client.ApiResponse;
import id.kotacerdas.client.api.MoUsApi;
import id.kotacerdas.client.api.RegionProfilesApi;
import id.kotacerdas.client.api.RegionsApi;
import id.kotacerdas.client.model.KominfoContact;
import id.kotacerdas.client.model.Mou;
import id.kotacerdas.client.model.MouPage;
import id.kotacerdas.client.model.Official;
import id.kotacerdas.client.model.Region;
import id.kotacerdas.client.model.RegionProfile;
import id.kotacerdas.client.model.RegionProfileData;
import id.kotacerdas.client.model.RpjmdPeriod;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite as an integrator drives it: through the gateway with the Java client generated from the committed
 * contract ({@code client-java}, from {@code api/kotacerdas-openapi.json}) and a real Keycloak token, using the
 * generated API classes and models only: read a region, list MoUs (the list envelope), write a region profile (an
 * idempotent create if it has none, then an update under its ETag) and read it back.
 */
@ExtendWith(RunningSuite.class)
class GeneratedClientTest {

    static final String METRO = "18.72";

    /** A client of the gateway whose every request carries {@code user}'s bearer token. */
    static ApiClient clientAs(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningSuite.GATEWAY);
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(Duration.ofSeconds(30));
        String bearer = "Bearer " + token(user);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    @Test
    void readARegionListMousWriteAProfileAndReadItBack() {
        ApiClient ministry = clientAs("ministry");
        RegionsApi regions = new RegionsApi(ministry);
        MoUsApi mous = new MoUsApi(ministry);
        RegionProfilesApi profiles = new RegionProfilesApi(ministry);

        // a region
        Region metro = regions.getRegion(RegionsApi.APIGetRegionRequest.newBuilder().code(METRO).build());
        assertThat(metro.getCode()).isEqualTo(METRO);
        assertThat(metro.getName()).isEqualTo("Kota Metro");

        // a page of MoUs: the one list envelope, typed
        MouPage page = mous.listMous(MoUsApi.APIListMousRequest.newBuilder().page(0).size(5).build());
        assertThat(page.getPage()).isZero();
        assertThat(page.getSize()).isEqualTo(5);
        assertThat(page.getItems()).isNotNull().hasSizeLessThanOrEqualTo(5);
        assertThat(page.getTotal()).isGreaterThanOrEqualTo((long) page.getItems().size());
        assertThat(page.getTotalPages()).isEqualTo((page.getTotal() + 4) / 5);
        if (!page.getItems().isEmpty()) {
            Mou first = page.getItems().get(0);
            Mou again = mous.getMou(MoUsApi.APIGetMouRequest.newBuilder().id(first.getId()).build());
            assertThat(again.getRegionCode()).isEqualTo(first.getRegionCode());
            assertThat(again.getProgrammeYear()).isEqualTo(first.getProgrammeYear());
        }

        // a write: Kota Metro's profile (created idempotently if it has none), then updated under its ETag
        ApiResponse<RegionProfile> current = currentProfile(profiles);
        String website = "https://metro-" + UUID.randomUUID() + ".go.id";
        RegionProfileData changed = current.getData().getProfile().website(website);
        String etag = header(current, "ETag");
        RegionProfile updated = profiles.updateRegionProfile(RegionProfilesApi.APIUpdateRegionProfileRequest.newBuilder()
                .code(METRO).ifMatch(etag).regionProfileData(changed).build());
        assertThat(updated.getUpdatedBy()).isEqualTo("ministry");
        assertThat(updated.getProfile().getWebsite()).isEqualTo(website);
        assertThat(updated.getVersion()).isGreaterThan(current.getData().getVersion());

        // read back, as another user
        RegionProfile readBack = new RegionProfilesApi(clientAs("auditor")).getRegionProfile(
                RegionProfilesApi.APIGetRegionProfileRequest.newBuilder().code(METRO).build());
        assertThat(readBack.getProfile().getWebsite()).isEqualTo(website);
        assertThat(readBack.getVersion()).isEqualTo(updated.getVersion());

        // the ETag now is stale: the generated client surfaces the 412 as an ApiException with the problem
        ApiException stale = catchThrowableOfType(ApiException.class, () -> profiles.updateRegionProfile(
                RegionProfilesApi.APIUpdateRegionProfileRequest.newBuilder().code(METRO).ifMatch(etag)
                        .regionProfileData(changed.website("https://stale.example.go.id")).build()));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("\"status\":412");
    }

    /** Kota Metro's profile with its headers; created first (idempotently: the same key twice) if it has none. */
    private static ApiResponse<RegionProfile> currentProfile(RegionProfilesApi profiles) {
        RegionProfilesApi.APIGetRegionProfileRequest get = RegionProfilesApi.APIGetRegionProfileRequest.newBuilder()
                .code(METRO).build();
        try {
            return profiles.getRegionProfileWithHttpInfo(get);
        } catch (ApiException e) {
            assertThat(e.getCode()).as("no profile yet: %s", e.getResponseBody()).isEqualTo(404);
        }
        RegionProfileData data = new RegionProfileData()
                .regionalHead(new Official().name("Kepala Daerah").position("Wali Kota")
                        .termStart(LocalDate.of(2021, 2, 26)).termEnd(LocalDate.of(2026, 2, 26)))
                .kominfoContact(new KominfoContact().officeName("Dinas Komunikasi dan Informatika").email("kominfo@example.go.id"))
                .rpjmdPeriods(List.of(new RpjmdPeriod().startYear(2021).endYear(2026).regulation("Peraturan Daerah Nomor 5 Tahun 2021")))
                .website("https://metro.example.go.id");
        RegionProfilesApi.APICreateRegionProfileRequest create = RegionProfilesApi.APICreateRegionProfileRequest.newBuilder()
                .code(METRO).idempotencyKey(UUID.randomUUID().toString()).regionProfileData(data).build();
        RegionProfile created = profiles.createRegionProfile(create);
        RegionProfile replayed = profiles.createRegionProfile(create);
        assertThat(replayed.getVersion()).as("the same Idempotency-Key answers the same creation").isEqualTo(created.getVersion());
        return profiles.getRegionProfileWithHttpInfo(get);
    }

    private static String header(ApiResponse<?> response, String name) {
        Map<String, List<String>> headers = response.getHeaders();
        List<String> values = headers.get(name);
        assertThat(values).as("%s header", name).isNotNull().isNotEmpty();
        return values.get(0);
    }
}
