package id.kotacerdas.masterplan.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what masterplan-service is and how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Kota Cerdas — masterplan-service", version = "1.0",
                description = """
                        Each region's smart city masterplan (*Rencana Induk Smart City*) under the Gerakan Menuju Kota \
                        Cerdas programme: the work opened when the region's MoU is signed, the four *bimtek* stages \
                        (bimbingan teknis: technical guidance by the ministry's guides, *pembimbing*), the structured and \
                        versioned document (strategic analysis, vision and mission, programmes per pillar, quick wins, \
                        action plan, roadmap), its alignment with the region's *RPJMD* (the 5-year regional development \
                        plan), its review, and its ratification by a regional instrument (*Perwali*: Peraturan Wali Kota, \
                        *Perbup*: Peraturan Bupati, *Pergub*: Peraturan Gubernur, *Perda*: Peraturan Daerah, or an SK).

                        Roles: `region-officer` writes their own region's masterplan and bimtek attendance; `assessor` \
                        (the guides and reviewers) records bimtek stages and reviews; `ministry-admin` does everything; \
                        `auditor` and `integrator` read. Errors are `application/problem+json` (RFC 9457) naming each \
                        invalid field. Every change is audited; the milestones are published as CloudEvents on Kafka \
                        topic `kotacerdas.masterplan.v1` (see `/events/asyncapi.yaml`).""",
                contact = @Contact(name = "Kota Cerdas platform team")),
        tags = {
                @Tag(name = "Masterplans", description = "A region's masterplan work per programme year and its document."),
                @Tag(name = "Review", description = "Submission, review, approval and ratification; frozen versions and their differences."),
                @Tag(name = "Bimtek", description = "The four bimtek stages of a masterplan."),
                @Tag(name = "Audit", description = "Who changed what, when, before and after.")
        })
// The realm's OAuth2 scheme (flows, URLs, scopes, description) is set by platform-rest's ApiDocumentFilter; this
// marker only makes Quarkus list each operation's @RolesAllowed roles.
@SecurityScheme(securitySchemeName = ApiDocs.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2)
public class ApiDocs extends Application {

    public static final String SECURITY_SCHEME = "keycloak";

    static final String PROBLEM = "application/problem+json";
    static final String EVERY_ROLE = "Every role may read: ministry-admin, assessor, region-officer, integrator, auditor.";

    static final String EXAMPLE_400 = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"quickWins[0].durationMonths: must be less than or equal to 12",\
            "instance":"/api/v1/masterplans/7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11/document",\
            "violations":[{"field":"quickWins[0].durationMonths","message":"must be less than or equal to 12"}]}""";
    static final String EXAMPLE_OCCURRED_400 = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"occurred: lies before the masterplan's opening (2022-04-21)",\
            "instance":"/api/v1/masterplans/7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11/submissions",\
            "violations":[{"field":"occurred","message":"lies before the masterplan's opening (2022-04-21)"}]}""";
    static final String EXAMPLE_403 = """
            {"type":"https://kotacerdas.id/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"A region officer may change only their own region's masterplan (18.72), not Kabupaten Sumbawa Barat's (52.07).",\
            "instance":"/api/v1/masterplans/7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11/document"}""";
    static final String EXAMPLE_404 = """
            {"type":"https://kotacerdas.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No masterplan has the id 7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11.",\
            "instance":"/api/v1/masterplans/7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11"}""";
    static final String EXAMPLE_409 = """
            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
            "detail":"The masterplan is SUBMITTED: edit is allowed only when it is DRAFT or REVISION_REQUESTED.",\
            "instance":"/api/v1/masterplans/7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11/document",\
            "violations":[{"field":"state","message":"is SUBMITTED"}]}""";
    static final String EXAMPLE_412 = """
            {"type":"https://kotacerdas.id/problems/stale-version","title":"Precondition failed","status":412,\
            "detail":"The masterplan is at version 4, not 3; read it again and reapply your change.",\
            "violations":[{"field":"If-Match","message":"does not match the current version"}]}""";
    static final String EXAMPLE_428 = """
            {"type":"https://kotacerdas.id/problems/if-match-required","title":"Precondition required","status":428,\
            "detail":"Send If-Match with the ETag of the masterplan you read, so no one else's change is overwritten.",\
            "violations":[{"field":"If-Match","message":"is required"}]}""";
    static final String EXAMPLE_PILLAR_422 = """
            {"type":"https://kotacerdas.id/problems/unknown-pillar","title":"Unknown pillar","status":422,\
            "detail":"programmes[2].pillar: \\"Smart Infrastructure\\" is no pillar of the programme; accepted: GOVERNANCE, \
            Smart Governance, BRANDING, Smart Branding, ECONOMY, Smart Economy, LIVING, Smart Living, SOCIETY, Smart Society, \
            ENVIRONMENT, Smart Environment, Smart People, Smart Mobility",\
            "violations":[{"field":"programmes[2].pillar","message":"\\"Smart Infrastructure\\" is no pillar of the programme; accepted: …"}]}""";
}
