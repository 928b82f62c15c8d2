package id.kotacerdas.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void saneRequestIdsAreKeptOthersReplaced() {
        assertThat(TraceContext.requestIdOrNew("req-42:a.b_c")).isEqualTo("req-42:a.b_c");
        assertThat(TraceContext.requestIdOrNew(null)).matches("[0-9a-f\\-]{36}");
        assertThat(TraceContext.requestIdOrNew("has space")).isNotEqualTo("has space");
        assertThat(TraceContext.requestIdOrNew("x".repeat(129))).hasSize(36);
        assertThat(TraceContext.requestIdOrNew("")).hasSize(36);
    }

    @Test
    void newRequestIdsAreVersion4UuidsAndDiffer() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = TraceContext.newRequestId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(TraceContext.requestIdOrNew(id)).isEqualTo(id); // sane by the suite's own rule
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }
}
