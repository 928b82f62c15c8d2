package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.count;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Who is due for evaluation follows corrections and withdrawals at the source services (issue 18 item 3): the new
 * types of the agreement and masterplan topics are consumed (none dead-lettered), in any order. Region codes 99.xx are
 * this test's own (not in the registry, so no cycle of another test lists them).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class DueFactsTest {

    static ProducerRecord<String, String> masterplan(String type, String id, String code, String masterplanId,
            String date, Integer revision, String revisionField) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("masterplanId", masterplanId);
        data.put("regionCode", code);
        data.put("programmeYear", 2018);
        data.put("instrument", "PERWALI");
        data.put("number", "7");
        if (date != null) {
            data.put("year", Integer.parseInt(date.substring(0, 4)));
            data.put("date", date);
        }
        data.put("origin", "LIVE");
        data.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        if (revision != null) {
            data.put(revisionField, Map.of("revision", revision, "reason", "r", "sources", java.util.List.of()));
        }
        return Evaluations.cloudEvent(Evaluations.MASTERPLAN_TOPIC, "/kotacerdas/masterplan-service",
                "id.kotacerdas.masterplan." + type + ".v1", code, id, data);
    }

    static ProducerRecord<String, String> mou(String type, String id, String code, String mouId, Integer programmeYear,
            Integer revision, String revisionField) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mouId", mouId);
        data.put("regionCode", code);
        if (programmeYear != null) {
            data.put("programmeYear", programmeYear);
            data.put("signedOn", programmeYear + "-02-28");
        }
        data.put("origin", "LIVE");
        if (revision != null) {
            data.put(revisionField, Map.of("revision", revision, "reason", "r"));
        }
        return Evaluations.cloudEvent(Evaluations.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                "id.kotacerdas.agreement." + type + ".v1", code, id, data);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static long due(String code, String basis) throws Exception {
        return count("SELECT COALESCE(MAX(due_from_year), 0) FROM evaluation_due WHERE region_code = '" + code
                + "' AND basis = '" + basis + "'");
    }

    @Test
    void aWithdrawnRatificationLeavesTheRegionDueByItsMouAndTheNewTypesAreNotDeadLettered() throws Exception {
        String mp = id();
        String[] ids = { id(), id(), id(), id(), id() };
        Evaluations.send(
                masterplan("MasterplanRatified", ids[0], "99.01", mp, "2018-05-02", null, null),
                mou("MouSigned", ids[1], "99.01", id(), 2019, null, null),
                // the agreement topic's local commitments do not bear on who is due: processed, not dead-lettered
                Evaluations.cloudEvent(Evaluations.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.LocalCommitmentCorrected.v1", "99.01", ids[2], Map.of("regionCode", "99.01")),
                Evaluations.cloudEvent(Evaluations.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.LocalCommitmentWithdrawn.v1", "99.01", ids[3], Map.of("regionCode", "99.01")));
        EvaluationFlowTest.awaitProcessed(ids[0], ids[1], ids[2], ids[3]);
        assertThat(due("99.01", "MASTERPLAN_RATIFIED")).isEqualTo(2019);
        assertThat(due("99.01", "PROGRAMME_YEAR")).isEqualTo(2020);

        Evaluations.send(masterplan("RatificationWithdrawn", ids[4], "99.01", mp, null, 2, "withdrawal"));
        EvaluationFlowTest.awaitProcessed(ids[4]);
        assertThat(due("99.01", "MASTERPLAN_RATIFIED")).isZero();
        assertThat(due("99.01", "PROGRAMME_YEAR")).isEqualTo(2020);
    }

    @Test
    void theRecordedPastMakesNobodyDue() throws Exception {
        String a = id();
        String b = id();
        Evaluations.send(
                Evaluations.cloudEvent(Evaluations.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.MouSigned.v1", "99.09", a,
                        Map.of("mouId", id(), "regionCode", "99.09", "programmeYear", 2019, "origin", "RECORDED")),
                Evaluations.cloudEvent(Evaluations.MASTERPLAN_TOPIC, "/kotacerdas/masterplan-service",
                        "id.kotacerdas.masterplan.MasterplanRatified.v1", "99.09", b,
                        Map.of("masterplanId", id(), "regionCode", "99.09", "date", "2019-05-02", "year", 2019,
                                "instrument", "PERWALI", "origin", "RECORDED")));
        EvaluationFlowTest.awaitProcessed(a, b);
        assertThat(due("99.09", "PROGRAMME_YEAR")).isZero();
        assertThat(due("99.09", "MASTERPLAN_RATIFIED")).isZero();
    }

    @Test
    void aCorrectedRatificationDateMovesTheDueYearWhateverTheOrder() throws Exception {
        String mp = id();
        String created = id();
        String corrected = id();
        // the correction arrives first; the creation after it does not undo it
        Evaluations.send(masterplan("RatificationCorrected", corrected, "99.02", mp, "2020-03-01", 2, "correction"));
        EvaluationFlowTest.awaitProcessed(corrected);
        Evaluations.send(masterplan("MasterplanRatified", created, "99.02", mp, "2018-05-02", null, null));
        EvaluationFlowTest.awaitProcessed(created);
        assertThat(due("99.02", "MASTERPLAN_RATIFIED")).isEqualTo(2021);

        // in the usual order, the same
        String other = id();
        String a = id();
        String b = id();
        Evaluations.send(masterplan("MasterplanRatified", a, "99.03", other, "2018-05-02", null, null),
                masterplan("RatificationCorrected", b, "99.03", other, "2020-03-01", 2, "correction"));
        EvaluationFlowTest.awaitProcessed(a, b);
        assertThat(due("99.03", "MASTERPLAN_RATIFIED")).isEqualTo(2021);
    }

    @Test
    void aWithdrawalBeforeTheFactLeavesNothingDueAndRedeliveryChangesNothing() throws Exception {
        String mp = id();
        String withdrawn = id();
        String created = id();
        Evaluations.send(masterplan("RatificationWithdrawn", withdrawn, "99.04", mp, null, 2, "withdrawal"));
        EvaluationFlowTest.awaitProcessed(withdrawn);
        ProducerRecord<String, String> ratified = masterplan("MasterplanRatified", created, "99.04", mp, "2018-05-02", null, null);
        Evaluations.send(ratified, ratified);
        EvaluationFlowTest.awaitProcessed(created);
        assertThat(due("99.04", "MASTERPLAN_RATIFIED")).isZero();
        assertThat(count("SELECT count(*) FROM evaluation_due_fact WHERE fact_id = '" + mp + "' AND withdrawn")).isEqualTo(1);
    }

    @Test
    void aRecordedMouCountsAndItsCorrectionAndWithdrawalFollow() throws Exception {
        String mouA = id();
        String mouB = id();
        String[] ids = { id(), id(), id(), id() };
        Evaluations.send(mou("MouSigned", ids[0], "99.05", mouA, 2019, null, null),
                mou("MouSigned", ids[1], "99.05", mouB, 2021, null, null));
        EvaluationFlowTest.awaitProcessed(ids[0], ids[1]);
        assertThat(due("99.05", "PROGRAMME_YEAR")).isEqualTo(2020);
        // MoU A was of programme year 2020 after all: due from 2021, its reference says so
        Evaluations.send(mou("MouRecordCorrected", ids[2], "99.05", mouA, 2020, 2, "correction"));
        EvaluationFlowTest.awaitProcessed(ids[2]);
        assertThat(due("99.05", "PROGRAMME_YEAR")).isEqualTo(2021);
        // MoU A withdrawn: the region stays due by MoU B (2022)
        Evaluations.send(mou("MouRecordWithdrawn", ids[3], "99.05", mouA, 2020, 3, "withdrawal"));
        EvaluationFlowTest.awaitProcessed(ids[3]);
        assertThat(due("99.05", "PROGRAMME_YEAR")).isEqualTo(2022);
    }
}
