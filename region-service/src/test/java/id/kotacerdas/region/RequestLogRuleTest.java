package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.web.RequestLog;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** Which requests platform-web's RequestLog writes a line for: every write and every failure, no successful read. */
class RequestLogRuleTest {

    @Test
    void writesAndFailuresAreLoggedSuccessfulReadsAreNot() {
        for (HttpMethod write : new HttpMethod[] { HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE }) {
            assertThat(RequestLog.logs(write, 200)).as(write + " 200").isTrue();
            assertThat(RequestLog.logs(write, 201)).as(write + " 201").isTrue();
            assertThat(RequestLog.logs(write, 409)).as(write + " 409").isTrue();
        }
        for (HttpMethod read : new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS }) {
            assertThat(RequestLog.logs(read, 200)).as(read + " 200").isFalse();
            assertThat(RequestLog.logs(read, 304)).as(read + " 304").isFalse();
            assertThat(RequestLog.logs(read, 399)).as(read + " 399").isFalse();
            assertThat(RequestLog.logs(read, 400)).as(read + " 400").isTrue();
            assertThat(RequestLog.logs(read, 404)).as(read + " 404").isTrue();
            assertThat(RequestLog.logs(read, 503)).as(read + " 503").isTrue();
        }
    }
}
