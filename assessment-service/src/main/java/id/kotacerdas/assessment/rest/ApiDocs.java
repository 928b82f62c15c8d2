package id.kotacerdas.assessment.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what assessment-service is and how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Kota Cerdas — assessment-service", version = "1.0",
                description = """
                        The readiness assessment of Gerakan Menuju Kota Cerdas: versioned assessment frameworks \
                        (criteria, sub-dimensions, indicators, scales), yearly assessment cycles (invitations, \
                        self-assessment, interviews, scoring), the explainable ranking and the selection of each \
                        cohort (kabupaten/kota and province tracks); and the yearly evaluation (monev) of every region \
                        in the programme: index, dimension and pillar scores on a 0–5 scale, delta, national and \
                        provincial ranks, result letters, each region's history (events on `kotacerdas.evaluation.v1`).

                        Roles: `ministry-admin` runs frameworks, cycles and the selection; `assessor` scores; \
                        `region-officer` fills in their own region's self-assessment (token claim `region_code`) and \
                        sees only their own region's scores until results are published; `auditor` reads everything; \
                        `integrator` reads published results. Each operation's description names its roles.

                        Errors are `application/problem+json` (RFC 9457) naming each invalid field; a request that \
                        the current state of a record forbids is `409` naming that state. Updates need `If-Match`; \
                        creates accept `Idempotency-Key`. Every change is audited and published as a CloudEvent on \
                        Kafka topic `kotacerdas.assessment.v1` (see `/events/asyncapi.yaml`). The framework \
                        import/export format is the JSON Schema `/schemas/framework.v1.json`.""",
                contact = @Contact(name = "Kota Cerdas platform team")),
        tags = {
                @Tag(name = "Frameworks", description = "Versioned assessment frameworks: import, edit drafts, publish, export."),
                @Tag(name = "Assessment cycles", description = "A year's assessment: plan, schedule, quotas, states."),
                @Tag(name = "Invitations", description = "The regions invited to a cycle."),
                @Tag(name = "Self-assessments", description = "A region's own answers and evidence."),
                @Tag(name = "Scores", description = "Assessors' scores, the ranking and its explanation."),
                @Tag(name = "Selection", description = "The proposed and the confirmed selection of a cohort."),
                @Tag(name = "Cohorts", description = "The programme's cohorts and statistics, declared and computed."),
                @Tag(name = "Result letters", description = "\"Penyampaian Hasil Asesmen\" letters: issued or recorded, JSON and PDF."),
                @Tag(name = "Evaluations", description = "The yearly evaluation (monev): cycles, regions due, self-assessments, assessors' scores, publication with ranks and result letters, national tables, distributions and each region's history."),
                @Tag(name = "Audit", description = "Who changed what, when, before and after.")
        })
// The realm's OAuth2 scheme (flows, URLs, scopes, description) is set by platform-rest's ApiDocumentFilter; this
// marker only makes Quarkus list each operation's @RolesAllowed roles.
@SecurityScheme(securitySchemeName = ApiDocs.SECURITY_SCHEME, type = SecuritySchemeType.OAUTH2)
public class ApiDocs extends Application {

    public static final String SECURITY_SCHEME = "keycloak";
    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "A unique key per intended creation (e.g. a UUID), at most 255 visible ASCII "
            + "characters: a retry with the same key and body gets the first answer again and creates nothing.";
    static final String IF_MATCH = "The ETag of the record as you read it.";
    /** A write's optional {@code occurred} (platform Occurred). */
    static final String OCCURRED_IN = "When the act happened, when it is recorded after the fact (`2022-06-03` DAY, "
            + "`2022-06` MONTH, `2022` YEAR); omit it when the act happens now. Not in the future, not before 2017, not "
            + "before the act it depends on (each a `400` naming `occurred`, `occurred.date` or `occurred.precision`). "
            + "Its event carries it as `occurred`.";
    /** A read's {@code origin}. */
    static final String ORIGIN = "`LIVE`: made through this service's workflow (a cycle); `RECORDED`: recorded after "
            + "the fact from its `sources` (imported history, recorded assessments, letters recorded on their own).";
    /** A record path's {@code sources}. */
    static final String SOURCES = "Where the recorded fact comes from: at least one, at most 20, each with an absolute "
            + "http(s) `url` (`400` naming `sources` or `sources[i].url`).";
    /** A read's {@code occurred}. */
    static final String OCCURRED_OUT = "When the act happened as its write gave it (date and precision), beside the "
            + "instant it was recorded; null when it happened when it was recorded.";
    static final String EXAMPLE_400_OCCURRED = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"occurred: lies before the invitation (2022-01-10)",\
            "violations":[{"field":"occurred","message":"lies before the invitation (2022-01-10)"}]}""";

    static final String AUDIT_EXAMPLE = """
            {"items":[{"id":"9b2d6a3e-2f0e-4f43-a0b5-77c0f0a1d7aa","occurredAt":"2026-12-01T09:02:11.123456Z",\
            "actor":{"subject":"5d1c...","username":"officer-metro","roles":["region-officer"]},\
            "action":"SELF_ASSESSMENT_SUBMITTED","resourceType":"SelfAssessment",\
            "resourceId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10/18.72","before":{"status":"DRAFT"},"after":{"status":"SUBMITTED"},\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11"}],"page":0,"size":20,"total":1,"totalPages":1}""";

    static final String EXAMPLE_400 = """
            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"criteria[0].name: must not be blank","instance":"/api/v1/frameworks",\
            "violations":[{"field":"criteria[0].name","message":"must not be blank"}]}""";
    static final String EXAMPLE_404 = """
            {"type":"https://kotacerdas.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No framework spbe has a version 7.","instance":"/api/v1/frameworks/spbe/versions/7"}""";
    static final String EXAMPLE_409_STATE = """
            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
            "detail":"The cycle is in state DRAFT; from DRAFT it can only move to INVITING, not to SCORING.",\
            "instance":"/api/v1/assessment-cycles/0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10/transitions"}""";
    static final String EXAMPLE_412 = """
            {"type":"https://kotacerdas.id/problems/stale-version","title":"Precondition failed","status":412,\
            "detail":"The cycle is at revision 4, not 3; read it again and reapply your change.",\
            "violations":[{"field":"If-Match","message":"does not match the current version"}]}""";
    static final String EXAMPLE_422_WEIGHTS = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"criteria: the weights of the criteria must add up to 100 (percent); they add up to 90",\
            "instance":"/api/v1/frameworks",\
            "violations":[{"field":"criteria","message":"the weights of the criteria must add up to 100 (percent); they add up to 90"}]}""";
    static final String EXAMPLE_428 = """
            {"type":"https://kotacerdas.id/problems/if-match-required","title":"Precondition required","status":428,\
            "detail":"Send If-Match with the ETag of the cycle you read, so no one else's change is overwritten.",\
            "violations":[{"field":"If-Match","message":"is required"}]}""";
}
