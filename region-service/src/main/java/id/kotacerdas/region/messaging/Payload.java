package id.kotacerdas.region.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A consumed event's JSON data, read field by field: what the timeline needs must be there and of the right type, or
 * the event is poison ({@link PoisonEventException}: straight to {@code <topic>.dlq}, no retry, since no retry can
 * fix a payload). Fields the producer adds later are ignored, as the platform's tolerant reader does.
 */
final class Payload {

    static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");
    /** Who-did-it fields: kept out of the dossier's details (they name accounts, not programme facts). */
    private static final Set<String> BOOKKEEPING = Set.of("recordedBy", "draftedBy", "scheduledBy", "invitedBy",
            "submittedBy", "confirmedBy", "issuedBy", "openedBy", "requestedBy", "approvedBy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IncomingEvent<JsonNode> event;
    private final JsonNode node;
    private final String what;

    Payload(IncomingEvent<JsonNode> event) {
        this(event, event.data(), "");
    }

    private Payload(IncomingEvent<JsonNode> event, JsonNode node, String prefix) {
        this.event = event;
        this.node = node;
        this.what = prefix;
        if (node == null || !node.isObject()) {
            throw poison(prefix.isEmpty() ? "data" : prefix, "is not a JSON object");
        }
    }

    IncomingEvent<JsonNode> event() {
        return event;
    }

    String regionCode(String field) {
        String code = text(field);
        if (!REGION_CODE.matcher(code).matches()) {
            throw poison(field, "is not a Kemendagri code (PP or PP.KK): " + code);
        }
        return code;
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw poison(field, "is missing or not a non-empty string");
        }
        return v.asText();
    }

    /** A field as it is (an object or array kept whole), or {@code null}. */
    JsonNode optNode(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    String optText(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    /**
     * The name of a field renamed in a v1 event (issue 25: e.g. {@code startsOn}, once {@code startDate}): the new name
     * when the event carries it, else the old one (events published before the rename, replayed by rebuilds).
     */
    String renamed(String field, String before) {
        return node.hasNonNull(field) ? field : before;
    }

    int year(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 2000 || v.asInt() > 2100) {
            throw poison(field, "is missing or not a year in 2000..2100");
        }
        return v.asInt();
    }

    Integer optInt(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isIntegralNumber() ? null : v.asInt();
    }

    BigDecimal optNumber(String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }

    Boolean optBoolean(String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }

    UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw poison(field, "is not a UUID");
        }
    }

    String optUuid(String field) {
        String s = optText(field);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s).toString();
        } catch (IllegalArgumentException e) {
            throw poison(field, "is not a UUID");
        }
    }

    LocalDate date(String field) {
        try {
            return LocalDate.parse(text(field));
        } catch (DateTimeParseException e) {
            throw poison(field, "is not a date (YYYY-MM-DD)");
        }
    }

    LocalDate optDate(String field) {
        return node.hasNonNull(field) ? date(field) : null;
    }

    OffsetDateTime instant(String field) {
        try {
            return OffsetDateTime.parse(text(field));
        } catch (DateTimeParseException e) {
            throw poison(field, "is not an RFC 3339 date-time");
        }
    }

    /**
     * The instant of the act as the payload states it; an event recorded after the fact ({@code occurred}) or a
     * correction ({@code correction}) may leave it out: its entry is dated by {@code occurred} anyway, or keeps the
     * act's time as the event's {@code ce_time}.
     */
    OffsetDateTime when(String field) {
        if (!node.hasNonNull(field) && (event.data().hasNonNull("occurred") || event.data().hasNonNull("correction"))
                && event.time() != null) {
            return event.time();
        }
        return instant(field);
    }

    /**
     * A day field that a fact recorded after the fact may give as a date, as an {@code Occurred} object
     * ({@code {date, precision}}), or leave to the event's {@code occurred}: its first day.
     */
    LocalDate day(String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) {
            return date(field);
        }
        JsonNode occurred = v != null && v.isObject() ? v : event.data().get("occurred");
        if (occurred != null && occurred.isObject()) {
            try {
                return new id.kotacerdas.platform.time.Occurred(occurred.path("date").asText(null),
                        occurred.hasNonNull("precision")
                                ? id.kotacerdas.platform.time.Occurred.Precision.valueOf(occurred.get("precision").asText())
                                : null).normalized().firstDay();
            } catch (RuntimeException e) {
                throw poison(field, "is not a date with its precision");
            }
        }
        return date(field);
    }

    /**
     * The assessment's own id: its {@code cycleId}, or — for an outcome recorded from its sources, which has no cycle
     * ({@code cycleId} null) — its {@code recordId}.
     */
    String cycleOrRecord() {
        String cycle = optUuid("cycleId");
        if (cycle != null) {
            return cycle;
        }
        if (!node.hasNonNull("recordId")) {
            throw poison("cycleId", "is missing and no recordId is given");
        }
        return uuid("recordId").toString();
    }

    /**
     * The open record of a withdrawal or cancellation: the object {@code field} ({@code withdrawal},
     * {@code cancellation}) as given, or {@code {reason}} from the payload's top level; {@code at} defaults to the
     * event's {@code ce_time}.
     */
    Map<String, Object> record(String field) {
        Map<String, Object> record = new LinkedHashMap<>();
        JsonNode v = node.get(field);
        if (v != null && v.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> given = JSON.convertValue(v, LinkedHashMap.class);
            record.putAll(given);
        } else {
            if (optText("reason") != null) {
                record.put("reason", optText("reason"));
            }
            if (node.hasNonNull("sources")) {
                record.put("sources", raw("sources"));
            }
        }
        if (record.get("at") == null) {
            String at = optText("cancelledAt") != null ? optText("cancelledAt")
                    : optText("withdrawnAt") != null ? optText("withdrawnAt")
                    : event.time() == null ? null : event.time().toString();
            record.put("at", at);
        }
        return record;
    }

    /** A nested object, or {@code null} when absent or null. */
    Payload optObject(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new Payload(event, v, what + field + ".");
    }

    /** The objects of an array field (required, may be empty). */
    List<Payload> objects(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw poison(field, "is missing or not an array");
        }
        List<Payload> items = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            items.add(new Payload(event, v.get(i), what + field + "[" + i + "]."));
        }
        return items;
    }

    /** The strings of an optional array field. */
    List<String> strings(String field) {
        JsonNode v = node.get(field);
        List<String> items = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(item -> items.add(item.asText()));
        }
        return items;
    }

    int size(String field) {
        JsonNode v = node.get(field);
        return v != null && v.isArray() ? v.size() : 0;
    }

    /** A field as plain Java values (maps, lists, strings, numbers), or {@code null}. */
    Object raw(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : JSON.convertValue(v, Object.class);
    }

    /** The whole payload as plain Java values, without the who-did-it fields. */
    Map<String, Object> details() {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = JSON.convertValue(node, LinkedHashMap.class);
        BOOKKEEPING.forEach(all::remove);
        return all;
    }

    private PoisonEventException poison(String field, String problem) {
        String name = event.type() == null ? "event" : event.type().replaceFirst("^id\\.kotacerdas\\.", "");
        return new PoisonEventException(name + " " + event.id() + ": " + (field.startsWith(what) ? field : what + field)
                + " " + problem);
    }

    /**
     * A field that issue 18 renamed because {@code origin} now says LIVE or RECORDED: {@code MasterplanOpened}'s
     * {@code openedFrom} and {@code MouDrafted}'s {@code draftedFrom} were {@code origin} in the events published
     * before. The topics keep those events and rebuilds replay them, so both forms are read.
     */
    String legacyField(String field, String before) {
        String value = optText(field);
        if (value != null) {
            return value;
        }
        String old = optText(before);
        return old == null || "LIVE".equals(old) || "RECORDED".equals(old) ? null : old;
    }
}
