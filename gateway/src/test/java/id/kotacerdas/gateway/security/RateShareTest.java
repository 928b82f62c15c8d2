package id.kotacerdas.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.gateway.config.GatewayConfig.RateLimitConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The arithmetic of one gateway instance's share of a route's limit, on a clock the test moves. */
class RateShareTest {

    /** A clock that moves only when told. */
    static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }
    }

    private final Clock clock = new Clock();

    static RateLimitConfig limit(int requests, Duration period, Integer burst) {
        return new RateLimitConfig() {
            @Override
            public OptionalInt requests() {
                return OptionalInt.of(requests);
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public OptionalInt burst() {
                return Optional.ofNullable(burst).map(OptionalInt::of).orElse(OptionalInt.empty());
            }
        };
    }

    @Test
    void oneInstanceIsTheWholeLimitAsBefore() {
        RateShare share = new RateShare("region", limit(600, Duration.ofMinutes(1), 100), 1);
        Bucket bucket = share.newBucket(clock);
        RateLimiter.Decision first = share.take(bucket);
        assertThat(first.allowed()).isTrue();
        assertThat(first.policy()).isEqualTo("\"region\";q=100;w=10");
        assertThat(first.remaining()).isEqualTo("\"region\";r=99;t=1");
        for (int i = 0; i < 99; i++) {
            assertThat(share.take(bucket).allowed()).isTrue();
        }
        RateLimiter.Decision refused = share.take(bucket);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isEqualTo("\"region\";r=0;t=10");
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // one token per 100 ms
    }

    @Test
    void twoInstancesEachAllowHalfTheBurstAndHalfTheRefillAndSaySo() {
        RateShare share = new RateShare("region", limit(600, Duration.ofMinutes(1), 100), 2);
        Bucket bucket = share.newBucket(clock);
        RateLimiter.Decision first = share.take(bucket);
        assertThat(first.policy()).as("half the burst, filled in the same 10 s").isEqualTo("\"region\";q=50;w=10");
        assertThat(first.remaining()).isEqualTo("\"region\";r=49;t=1");
        for (int i = 0; i < 49; i++) {
            assertThat(share.take(bucket).allowed()).isTrue();
        }
        RateLimiter.Decision refused = share.take(bucket);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isEqualTo("\"region\";r=0;t=10");
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofMillis(100)); // one token back: half a request
        assertThat(share.take(bucket).allowed()).isFalse();
        clock.advance(Duration.ofMillis(100)); // a whole request
        assertThat(share.take(bucket).allowed()).isTrue();
        assertThat(share.take(bucket).allowed()).isFalse();

        // sustained: 300 a minute at this instance
        int allowed = 0;
        for (int ms = 0; ms < 60_000; ms += 10) {
            clock.advance(Duration.ofMillis(10));
            allowed += share.take(bucket).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(300);
    }

    @Test
    void aCallerSpreadOverAllInstancesGetsNoMoreThanTheLimitInTotal() {
        int instances = 3;
        RateShare share = new RateShare("region", limit(600, Duration.ofMinutes(1), 100), instances);
        List<Bucket> gateways = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            gateways.add(share.newBucket(clock));
        }
        int atOnce = 0;
        for (int i = 0; i < 200; i++) {
            atOnce += share.take(gateways.get(i % instances)).allowed() ? 1 : 0;
        }
        assertThat(atOnce).as("33 at each of three, not 100 at each").isEqualTo(99);

        int inAMinute = 0;
        for (int ms = 0; ms < 60_000; ms += 5) {
            clock.advance(Duration.ofMillis(5));
            for (Bucket gateway : gateways) {
                inAMinute += share.take(gateway).allowed() ? 1 : 0;
            }
        }
        // what the three refills bring in a minute: the route's 600, give or take the leftover fractions
        assertThat(inAMinute).isBetween(598, 600);
    }

    @Test
    void aRefillThatDoesNotDivideEvenlyLosesNothing() {
        // 3 a minute over 2 instances: one and a half a minute each, one request every 40 s
        RateShare share = new RateShare("limited", limit(3, Duration.ofMinutes(1), null), 2);
        Bucket bucket = share.newBucket(clock);
        RateLimiter.Decision first = share.take(bucket);
        assertThat(first.policy()).isEqualTo("\"limited\";q=1;w=60");
        assertThat(first.remaining()).isEqualTo("\"limited\";r=0;t=40");
        RateLimiter.Decision refused = share.take(bucket);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20); // the one token left needs another
        clock.advance(Duration.ofSeconds(20));
        assertThat(share.take(bucket).allowed()).isTrue();
        clock.advance(Duration.ofSeconds(39));
        assertThat(share.take(bucket).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(share.take(bucket).allowed()).isTrue();
    }

    @Test
    void aBurstSmallerThanTheInstancesStillLetsOneRequestThroughAtEach() {
        RateShare share = new RateShare("tight", limit(60, Duration.ofMinutes(1), 1), 4);
        Bucket bucket = share.newBucket(clock);
        RateLimiter.Decision first = share.take(bucket);
        assertThat(first.allowed()).isTrue();
        assertThat(first.policy()).isEqualTo("\"tight\";q=1;w=4");
        assertThat(share.take(bucket).allowed()).isFalse();
    }

    @Test
    void noInstancesIsAConfigurationError() {
        assertThatThrownBy(() -> new RateShare("region", limit(600, Duration.ofMinutes(1), 100), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.rate-limit.instances");
    }
}
