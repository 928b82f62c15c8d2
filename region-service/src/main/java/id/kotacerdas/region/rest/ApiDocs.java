package id.kotacerdas.region.rest;

import id.kotacerdas.platform.openapi.ApiSecurity;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what region-service is and which security scheme its operations use. */
@OpenAPIDefinition(
        info = @Info(title = "Kota Cerdas — region-service", version = "1.0",
                description = """
                        The registry of Indonesia's 38 provinces and 514 kabupaten/kota under their official \
                        Kemendagri codes (Kepmendagri No. 300.2.2-2138 Tahun 2025), and each region's own \
                        planning facts (regional head, Sekda, Dinas Kominfo, RPJMD periods, Dewan Smart City) \
                        for the Gerakan Menuju Kota Cerdas programme.

                        Errors are `application/problem+json` (RFC 9457) naming each invalid field. \
                        Every change is audited and published as a CloudEvent on Kafka topic \
                        `kotacerdas.region.v1` (see `/events/asyncapi.yaml`). Each region's programme timeline and \
                        dossier are kept from the events of `kotacerdas.assessment.v1`, `kotacerdas.agreement.v1`, \
                        `kotacerdas.masterplan.v1` and `kotacerdas.evaluation.v1`.""",
                contact = @Contact(name = "Kota Cerdas platform team"),
                license = @License(name = "Reference data: MIT (cahyadsn/wilayah)")),
        tags = {
                @Tag(name = "Regions", description = "Provinces and kabupaten/kota: reference data, cacheable."),
                @Tag(name = "Region profiles", description = "The facts each region keeps about itself."),
                @Tag(name = "Programme", description = "Each region's programme timeline, stage and dossier, kept from the events of the assessment, agreement, masterplan and evaluation topics."),
                @Tag(name = "Audit", description = "Who changed what, when, before and after.")
        })
// Only the scheme's name and type, so that Quarkus lists each operation's @RolesAllowed roles for it; its flows, URLs
// and description are the platform's (platform-rest ApiDocumentFilter), the same in every service and the gateway.
@SecurityScheme(securitySchemeName = ApiDocs.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2)
public class ApiDocs extends Application {

    /** The realm's OAuth2 scheme, defined for every service by platform-rest's {@code ApiDocumentFilter}. */
    public static final String SECURITY_SCHEME = ApiSecurity.SCHEME;

    static final String PROBLEM = "application/problem+json";

    static final String EXAMPLE_400 = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"size: must be less than or equal to 100","instance":"/api/v1/regions",\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11",\
            "violations":[{"field":"size","message":"must be less than or equal to 100"}]}""";
    static final String EXAMPLE_401 = """
            {"type":"https://kotacerdas.id/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"A valid bearer token from the kotacerdas realm is required.","instance":"/api/v1/regions/18.72"}""";
    static final String EXAMPLE_403 = """
            {"type":"https://kotacerdas.id/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"A region officer may change only their own region (18.72), not Kabupaten Tabanan (51.02).",\
            "instance":"/api/v1/regions/51.02/profile"}""";
    static final String EXAMPLE_404 = """
            {"type":"https://kotacerdas.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No region has the code 18.99.","instance":"/api/v1/regions/18.99"}""";
}
