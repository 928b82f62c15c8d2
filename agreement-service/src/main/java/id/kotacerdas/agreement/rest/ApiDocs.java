package id.kotacerdas.agreement.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what agreement-service is and how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Kota Cerdas — agreement-service", version = "1.0",
                description = """
                        The MoUs (*Nota Kesepakatan*) that each selected region signs with the Direktorat Jenderal \
                        Aplikasi Informatika on the implementation of the Gerakan Menuju Kota Cerdas, usually at one \
                        national virtual ceremony per cohort while each region sits at its own venue; and the \
                        regions' local commitments (*komitmen bersama*) signed by the regional head, the Sekda and \
                        the heads of the OPDs.

                        An MoU lives `DRAFT → SCHEDULED → SIGNED → EXPIRED | TERMINATED`, or is `WITHDRAWN` before \
                        signing; an action its state does not allow is `409` naming the state. A draft is made \
                        automatically when assessment-service publishes `RegionSelected`, or by the ministry by hand.

                        Errors are `application/problem+json` (RFC 9457) naming each invalid field. Every change is \
                        audited and published as a CloudEvent on Kafka topic `kotacerdas.agreement.v1` \
                        (see `/events/asyncapi.yaml`).""",
                contact = @Contact(name = "Kota Cerdas platform team")),
        tags = {
                @Tag(name = "MoUs", description = "Nota Kesepakatan between the Ditjen Aplikasi Informatika and a region."),
                @Tag(name = "MoU ceremonies", description = "National signing ceremonies and the ministry's batch operations on them."),
                @Tag(name = "Local commitments", description = "Komitmen bersama signed in the region."),
                @Tag(name = "Audit", description = "Who changed what, when, before and after.")
        })
// The realm's OAuth2 scheme (flows, URLs, scopes, description) is set by platform-rest's ApiDocumentFilter; this
// marker only makes Quarkus list each operation's @RolesAllowed roles.
@SecurityScheme(securitySchemeName = ApiDocs.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2)
public class ApiDocs extends Application {

    public static final String SECURITY_SCHEME = "keycloak";

    static final String PROBLEM = "application/problem+json";

    static final String EXAMPLE_403 = """
            {"type":"https://kotacerdas.id/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"A region officer may change only their own region's MoU (18.72), not Kabupaten Tabanan's (51.02).",\
            "instance":"/api/v1/mous/0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b/local-side"}""";
    static final String EXAMPLE_404 = """
            {"type":"https://kotacerdas.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No MoU has the id 0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b.","instance":"/api/v1/mous/0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b"}""";
    static final String EXAMPLE_409_STATE = """
            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
            "detail":"Cannot sign an MoU that is DRAFT (only when SCHEDULED); schedule it first (a ceremony or a date of its own).",\
            "instance":"/api/v1/mous/0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b/signing",\
            "violations":[{"field":"state","message":"is DRAFT"}]}""";
    static final String EXAMPLE_412 = """
            {"type":"https://kotacerdas.id/problems/stale-version","title":"Precondition failed","status":412,\
            "detail":"The MoU is at version 4, not 3; read it again and reapply your change.",\
            "violations":[{"field":"If-Match","message":"does not match the current version"}]}""";
    static final String EXAMPLE_428 = """
            {"type":"https://kotacerdas.id/problems/if-match-required","title":"Precondition required","status":428,\
            "detail":"Send If-Match with the ETag of the MoU you read, so no one else's change is overwritten.",\
            "violations":[{"field":"If-Match","message":"is required"}]}""";
    static final String EXAMPLE_400 = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"secondPartySignatory.name: is required for a known signatory; if the source does not say who signed, send known: false with the source in sources",\
            "violations":[{"field":"secondPartySignatory.name","message":"is required for a known signatory; if the source does not say who signed, send known: false with the source in sources"}]}""";
}
