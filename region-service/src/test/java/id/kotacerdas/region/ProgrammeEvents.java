package id.kotacerdas.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The events region-service consumes, as their producers publish them (binary-mode CloudEvents, the payloads their
 * JSON Schemas in assessment-, agreement- and masterplan-service and /work/EVALUATION-CONTRACT.md describe), and
 * database reads of what the consumers kept.
 */
final class ProgrammeEvents {

    static final String ASSESSMENT = "kotacerdas.assessment.v1";
    static final String AGREEMENT = "kotacerdas.agreement.v1";
    static final String MASTERPLAN = "kotacerdas.masterplan.v1";
    static final String EVALUATION = "kotacerdas.evaluation.v1";
    static final String DB = "region";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Object> ACTOR = Map.of("subject", "3f1c", "username", "ministry");

    private ProgrammeEvents() {
    }

    /** One event to publish: the record and its id. */
    record Event(String id, ProducerRecord<String, String> record) {
        Event again() {
            return this;
        }
    }

    static Event event(String topic, String type, String key, OffsetDateTime time, Map<String, Object> data) {
        return event(topic, type, key, time, json(data), UUID.randomUUID().toString());
    }

    static Event event(String topic, String type, String key, OffsetDateTime time, String value, String id) {
        String service = topic.equals(EVALUATION) ? "assessment" : topic.split("\\.")[1];
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/kotacerdas/" + service + "-service"));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(time.toString()));
        headers.add("content-type", bytes("application/json"));
        headers.add("ce_requestid", bytes("req-" + id));
        headers.add("ce_visibility", bytes(visibilityOf(type)));
        return new Event(id, new ProducerRecord<>(topic, null, key, value, headers));
    }

    /** What each producer states (their *Events classes): who may see the fact, as the owner's own reads show it. */
    static String visibilityOf(String type) {
        String name = type.replaceAll("^id\\.kotacerdas\\.[a-z]+\\.", "").replace(".v1", "");
        return switch (name) {
            case "RegionInvited", "SelfAssessmentSubmitted", "RegionScored", "MouDrafted", "MouScheduled", "MouWithdrawn",
                    "LocalCommitmentSigned" -> "region";
            case "MouSigned", "MouAmended", "MouExpired", "MouTerminated" -> "region-and-integrators";
            default -> "public";
        };
    }

    static void send(Event... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Event e : events) {
            records.add(e.record());
        }
        RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), records);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static OffsetDateTime t(String instant) {
        return OffsetDateTime.parse(instant);
    }

    // ---- kotacerdas.assessment.v1 ------------------------------------------------------------------------------

    static Event invited(String code, String name, UUID cycle, int programmeYear, String at) {
        return event(ASSESSMENT, "id.kotacerdas.assessment.RegionInvited.v1", code, t(at), map("cycleId", cycle.toString(),
                "assessmentYear", programmeYear - 1, "programmeYear", programmeYear, "regionCode", code, "regionName", name,
                "regionLevel", "KABUPATEN", "provinceCode", code.substring(0, 2), "track", "KAB_KOTA",
                "selfAssessmentDeadline", t(at).plusDays(30).toString(), "invitedBy", ACTOR, "invitedAt", at));
    }

    static Event submitted(String code, String name, UUID cycle, String at) {
        return event(ASSESSMENT, "id.kotacerdas.assessment.SelfAssessmentSubmitted.v1", code, t(at), map("cycleId",
                cycle.toString(), "regionCode", code, "regionName", name, "answeredIndicators", 40, "indicators", 42,
                "evidenceLinks", 12, "submittedBy", ACTOR, "submittedAt", at));
    }

    static Event scored(String code, String name, UUID cycle, double score, int assessors, String at) {
        return event(ASSESSMENT, "id.kotacerdas.assessment.RegionScored.v1", code, t(at), map("cycleId", cycle.toString(),
                "regionCode", code, "regionName", name, "track", "KAB_KOTA", "assessor", "assessor" + assessors,
                "assessorCount", assessors, "score", score, "complete", true, "scoredAt", at));
    }

    static Event selected(String code, String name, UUID cycle, int programmeYear, int rank, String at) {
        return event(ASSESSMENT, "id.kotacerdas.assessment.RegionSelected.v1", code, t(at), map("cycleId", cycle.toString(),
                "selectionId", UUID.nameUUIDFromBytes(cycle.toString().getBytes()).toString(), "assessmentYear",
                programmeYear - 1, "programmeYear", programmeYear, "regionCode", code, "regionName", name,
                "provinceCode", code.substring(0, 2), "track", "KAB_KOTA", "rank", rank, "score", 81.25,
                "outcome", "SELECTED", "reason", "Within the kab/kota quota", "repeat", true,
                "repeatOf", List.of(map("programmeYear", 2019, "track", "KAB_KOTA", "source", "cohort 2019")),
                "confirmedBy", ACTOR, "confirmedAt", at));
    }

    static Event notSelected(String code, String name, UUID cycle, int programmeYear, String at) {
        return event(ASSESSMENT, "id.kotacerdas.assessment.RegionNotSelected.v1", code, t(at), map("cycleId",
                cycle.toString(), "selectionId", UUID.randomUUID().toString(), "assessmentYear", programmeYear - 1,
                "programmeYear", programmeYear, "regionCode", code, "regionName", name, "provinceCode", code.substring(0, 2),
                "track", "KAB_KOTA", "rank", 77, "score", 41.5, "outcome", "BELOW_QUOTA", "reason", "Below the quota",
                "confirmedBy", ACTOR, "confirmedAt", at));
    }

    static Event resultLetter(UUID cycle, String number, String date, int programmeYear, String... codes) {
        List<Object> regions = new ArrayList<>();
        for (String code : codes) {
            regions.add(map("regionCode", code, "regionName", "Region " + code, "provinceCode", code.substring(0, 2),
                    "track", "KAB_KOTA"));
        }
        return event(ASSESSMENT, "id.kotacerdas.assessment.ResultLetterIssued.v1", cycle.toString(), t(date + "T03:00:00Z"),
                map("letterId", UUID.randomUUID().toString(), "number", number, "date", date, "cycleId", cycle.toString(),
                        "selectionId", UUID.randomUUID().toString(), "programmeYear", programmeYear, "recorded", true,
                        "regions", regions, "issuedBy", ACTOR, "issuedAt", date + "T03:00:00Z"));
    }

    static Event cohortRecorded(int programmeYear, String at, String... codes) {
        List<Object> members = new ArrayList<>();
        for (String code : codes) {
            members.add(map("regionCode", code, "regionName", "Region " + code, "regionLevel", "KABUPATEN",
                    "repeatOfYear", null, "sourceUrl", "https://example.org/cohort", "confidence", "confirmed"));
        }
        return event(ASSESSMENT, "id.kotacerdas.assessment.CohortRecorded.v1", programmeYear + "/KAB_KOTA", t(at),
                map("programmeYear", programmeYear, "track", "KAB_KOTA",
                        "declared", map("size", 50, "repeats", 0, "sourceUrl", "https://example.org/cohort"),
                        "identifiedMembers", codes.length, "complete", false, "members", members,
                        "recordedBy", ACTOR, "recordedAt", at));
    }

    // ---- kotacerdas.agreement.v1 -------------------------------------------------------------------------------

    static Event mouDrafted(String code, UUID mou, int year, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouDrafted.v1", code, t(at), map("mouId", mou.toString(),
                "regionCode", code, "regionName", "Region " + code, "level", "KABUPATEN", "provinceCode", code.substring(0, 2),
                "programmeYear", year, "track", "KAB_KOTA", "cycleId", null, "origin", "REGION_SELECTED",
                "title", "Nota Kesepakatan Gerakan Menuju Smart City", "firstParty",
                map("position", "Direktur Jenderal Aplikasi Informatika", "name", null),
                "secondParty", map("position", "Bupati", "name", null), "draftedBy", ACTOR, "draftedAt", at));
    }

    static Event mouScheduled(String code, UUID mou, int year, String ceremonyDate, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouScheduled.v1", code, t(at), map("mouId", mou.toString(),
                "regionCode", code, "regionName", "Region " + code, "programmeYear", year,
                "ceremony", map("id", UUID.randomUUID().toString(), "title", "Penandatanganan Nota Kesepakatan " + year,
                        "date", ceremonyDate, "host", "Ditjen Aptika", "mode", "VIRTUAL"),
                "plannedOn", null, "scheduledBy", ACTOR, "scheduledAt", at));
    }

    /** A signing as a record of the past may give it: the region's signatory not known. */
    static Event mouSigned(String code, UUID mou, int year, String signedOn, boolean signatoryKnown, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouSigned.v1", code, t(at), map("mouId", mou.toString(),
                "regionCode", code, "regionName", "Region " + code, "level", "KABUPATEN", "provinceCode", code.substring(0, 2),
                "programmeYear", year, "kind", "NOTA_KESEPAKATAN", "title", "Nota Kesepakatan Gerakan Menuju Smart City",
                "numbers", map("firstParty", null, "secondParty", null), "signedOn", signedOn, "mode", "VIRTUAL",
                "venue", map("name", "Kantor Dinas Kominfo", "known", true), "ceremony", null,
                "firstParty", map("position", "Direktur Jenderal Aplikasi Informatika", "name", "Semuel Abrijani Pangerapan"),
                "secondParty", map("position", "Bupati", "name", "H. W. Musyafirin"),
                "firstPartySignatory", map("known", true, "name", "Semuel Abrijani Pangerapan",
                        "position", "Direktur Jenderal Aplikasi Informatika", "onBehalfOf", null),
                "secondPartySignatory", signatoryKnown
                        ? map("known", true, "name", "H. W. Musyafirin", "position", "Bupati", "onBehalfOf", null)
                        : map("known", false, "name", null, "position", null, "onBehalfOf", null),
                "witnesses", List.of(), "scope", map("standardItems", List.of(map("code", "BIMTEK_MASTERPLAN",
                        "text", "Bimbingan teknis penyusunan masterplan")), "otherItems", List.of()),
                "validity", map("from", signedOn, "until", (Integer.parseInt(signedOn.substring(0, 4)) + 1) + signedOn.substring(4),
                        "years", 1),
                "revision", 1, "sources", List.of(map("title", "Regional report", "url", null, "publishedOn", null)),
                "recordedBy", ACTOR, "recordedAt", at));
    }

    static Event mouAmended(String code, UUID mou, int year, String on, String until, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouAmended.v1", code, t(at), map("mouId", mou.toString(),
                "regionCode", code, "programmeYear", year, "revision", 2, "amendedOn", on, "reason", "Extended",
                "numbers", map(), "scope", map("standardItems", List.of(), "otherItems", List.of()),
                "validity", map("from", on, "until", until, "years", null), "recordedBy", ACTOR, "recordedAt", at));
    }

    static Event mouExpired(String code, UUID mou, int year, String on) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouExpired.v1", code, t(on + "T17:00:00Z"), map("mouId", mou.toString(),
                "regionCode", code, "programmeYear", year, "validity", map("from", year + "-01-01", "until", on, "years", 1),
                "expiredOn", on, "recordedAt", on + "T17:00:00Z"));
    }

    static Event mouTerminated(String code, UUID mou, int year, String on) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouTerminated.v1", code, t(on + "T05:00:00Z"), map("mouId",
                mou.toString(), "regionCode", code, "programmeYear", year, "terminatedOn", on, "reason", "Ended by both parties",
                "validity", map("from", year + "-01-01", "until", on, "years", null), "recordedBy", ACTOR,
                "recordedAt", on + "T05:00:00Z"));
    }

    static Event mouWithdrawn(String code, UUID mou, int year, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.MouWithdrawn.v1", code, t(at), map("mouId", mou.toString(),
                "regionCode", code, "programmeYear", year, "previousState", "DRAFT", "reason", "Drafted twice",
                "recordedBy", ACTOR, "recordedAt", at));
    }

    static Event localCommitment(String code, String on, String at) {
        return event(AGREEMENT, "id.kotacerdas.agreement.LocalCommitmentSigned.v1", code, t(at), map("commitmentId",
                UUID.randomUUID().toString(), "regionCode", code, "regionName", "Region " + code, "provinceCode",
                code.substring(0, 2), "mouId", null, "signedOn", on, "venue", "Aula Bappeda",
                "regionalHead", map("name", "H. W. Musyafirin", "position", "Bupati"),
                "sekda", map("name", null, "position", "Sekretaris Daerah"),
                "opds", List.of(map("name", "Dinas Kominfo", "head", null), map("name", "Bappeda", "head", null)),
                "bimtek", map("stage", 4, "closingOn", on, "note", null), "recordedBy", ACTOR, "recordedAt", at));
    }

    // ---- kotacerdas.masterplan.v1 ------------------------------------------------------------------------------

    static Event masterplanOpened(String code, UUID plan, int year, String kind, String mouSignedOn, String at) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanOpened.v1", code, t(at), map("masterplanId",
                plan.toString(), "regionCode", code, "regionName", "Region " + code, "programmeYear", year, "kind", kind,
                "title", "Masterplan Smart City " + year, "origin", mouSignedOn == null ? "MANUAL" : "MOU_SIGNED",
                "mouId", null, "mouSignedOn", mouSignedOn, "openedBy", ACTOR, "openedAt", at));
    }

    static Event bimtekScheduled(String code, UUID plan, int year, int stage, String start) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.BimtekSessionScheduled.v1", code, t(start + "T01:00:00Z").minusDays(20),
                map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", year, "stage", stage,
                        "purpose", "Tahap " + stage, "startDate", start, "endDate", start, "mode", "OFFLINE", "venue", null,
                        "guides", List.of("Fitrah Rahmat Kausar"), "rescheduled", false, "scheduledBy", ACTOR,
                        "scheduledAt", t(start + "T01:00:00Z").minusDays(20).toString()));
    }

    /** With the stage's days by their names since issue 25 only ({@code startsOn}/{@code endsOn}). */
    static Event bimtekHeld(String code, UUID plan, int year, int stage, String start, String end) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.BimtekSessionHeld.v1", code, t(end + "T09:00:00Z"),
                map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", year, "stage", stage,
                        "startsOn", start, "endsOn", end, "mode", "OFFLINE", "venue", "Aula Bappeda",
                        "guides", List.of("Fitrah Rahmat Kausar"),
                        "attendance", map("opds", 20, "dewanMembers", 5, "timPelaksanaMembers", 10, "others", 2),
                        "outputs", List.of("Buku " + stage), "recordedBy", ACTOR, "recordedAt", end + "T09:00:00Z"));
    }

    static Event bimtekCompleted(String code, UUID plan, int year, String on) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.BimtekCompleted.v1", code, t(on + "T09:00:01Z"),
                map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", year,
                        "stages", List.of(map("stage", 4, "startDate", on, "endDate", on)), "completedOn", on,
                        "recordedBy", ACTOR, "recordedAt", on + "T09:00:01Z"));
    }

    static Event masterplanSubmitted(String code, UUID plan, int year, int version, String at) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanSubmitted.v1", code, t(at), map("masterplanId",
                plan.toString(), "regionCode", code, "programmeYear", year, "versionNumber", version,
                "period", map("startYear", year, "endYear", year + 9), "programmes", 24, "quickWins", 3,
                "alignmentFindings", 0, "submittedBy", ACTOR, "submittedAt", at));
    }

    static Event revisionRequested(String code, UUID plan, int year, int version, String at) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanRevisionRequested.v1", code, t(at), map("masterplanId",
                plan.toString(), "regionCode", code, "programmeYear", year, "versionNumber", version,
                "comments", List.of(map("section", "QUICK_WINS", "comment", "Name the OPD")), "requestedBy", ACTOR,
                "requestedAt", at));
    }

    static Event masterplanApproved(String code, UUID plan, int year, int version, String at) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanApproved.v1", code, t(at), map("masterplanId",
                plan.toString(), "regionCode", code, "programmeYear", year, "versionNumber", version, "approvedBy", ACTOR,
                "approvedAt", at));
    }

    /** As published since issue 25: {@code ratifiedOn} beside the deprecated {@code date}. */
    static Event masterplanRatified(String code, UUID plan, int year, String date) {
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanRatified.v1", code, t(date + "T03:00:00Z"),
                map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", year, "versionNumber", 2,
                        "instrument", "PERBUP", "number", "25", "year", Integer.parseInt(date.substring(0, 4)), "date", date,
                        "ratifiedOn", date, "title", "Masterplan Smart City", "recordedBy", ACTOR, "recordedAt", date + "T03:00:00Z"));
    }

    /** A ratification whose record gives the instrument and year only (number and date not known), with its source. */
    static Event masterplanRatifiedUndated(String code, UUID plan, int year, String recordedAt) {
        Map<String, Object> data = map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", year,
                "versionNumber", 1, "instrument", "PERBUP", "year", year, "title", "Masterplan Smart City",
                "recordedBy", ACTOR, "recordedAt", recordedAt,
                "sources", List.of(map("title", "Sumbawa Barat report 2022")));
        data.put("number", null);
        data.put("date", null);
        return event(MASTERPLAN, "id.kotacerdas.masterplan.MasterplanRatified.v1", code, t(recordedAt), data);
    }

    // ---- kotacerdas.evaluation.v1 (EVALUATION-CONTRACT) ---------------------------------------------------------

    static Event evaluationPublished(String code, UUID evaluation, int year, double index, Integer national, String at) {
        return event(EVALUATION, "id.kotacerdas.assessment.EvaluationPublished.v1", code, t(at), map("evaluationId",
                evaluation.toString(), "cycleId", UUID.randomUUID().toString(), "year", year, "regionCode", code,
                "regionName", "Region " + code, "provinceCode", code.substring(0, 2), "level", "KABUPATEN",
                "source", "COMPUTED", "frameworkKey", "kominfo-evaluation", "frameworkVersion", 1, "index", index,
                "dimensions", map("BASELINE", 3.60, "OUTPUT", 3.21, "OUTCOME", 3.23, "IMPACT", 3.07, "QUICK_WIN", 3.65),
                "pillars", null, "delta", map("previousYear", year - 1, "index", 0.25), "nationalRank", national,
                "provincialRank", 4, "letterNumber", "B-1003/DJAI/AI.01.04/12/" + year, "letterDate", at.substring(0, 10),
                "publishedAt", at));
    }

    static Event evaluationCycleOpened(String at) {
        String cycle = UUID.randomUUID().toString();
        return event(EVALUATION, "id.kotacerdas.assessment.EvaluationCycleOpened.v1", cycle, t(at), map("cycleId", cycle,
                "year", 2023, "frameworkKey", "kominfo-evaluation", "frameworkVersion", 1, "regionsDue", 12,
                "openedBy", "ministry", "openedAt", at));
    }

    // ---- the database ------------------------------------------------------------------------------------------

    static List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DB), DB, DB);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(meta.getColumnLabel(i), v == null ? null : v.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean processed(String consumer, String eventId) {
        return !query("SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?", consumer, eventId).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
