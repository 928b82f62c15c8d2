package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.assessment.rest.AuditResource;
import id.kotacerdas.testing.IdempotentResources;
import org.junit.jupiter.api.Test;

/** Every POST of the service honours the Idempotency-Key its OpenAPI document promises (issue 25). */
class IdempotentPostsTest {

    @Test
    void everyPostTakesAnIdempotencyKey() {
        assertThat(IdempotentResources.postsWithoutIdempotency(AuditResource.class)).isEmpty();
    }
}
