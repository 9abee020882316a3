package dev.invitations.security;

import dev.invitations.problem.Problems;
import dev.invitations.security.apikey.ApiKeyAuthentication;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per authenticated caller (a JWT's {@code sub}, or an API key), and one per client address for the invitee's calls, which carry no
 * bearer token. Every answer says the limit and what is left of it; a caller over it gets 429 with
 * {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final int MAX_CACHED_BUCKETS = 10_000;
    /** A durable write per request was a fifteenth of a create's writes; this many share one. */
    private static final long UNSYNCHRONIZED_REQUESTS = 20;
    private static final Duration UNSYNCHRONIZED_TIME = Duration.ofMillis(200);

    private final ProxyManager<String> buckets;
    private final Problems problems;
    private final Limit perCaller;
    private final Limit perClientAddress;
    private final Map<String, Bucket> recentBuckets = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > MAX_CACHED_BUCKETS;
                }
            });

    RateLimitFilter(ProxyManager<String> buckets, RateLimitProperties properties, Problems problems) {
        this.buckets = buckets;
        this.problems = problems;
        this.perCaller = new Limit(properties.perCaller(), properties.period());
        this.perClientAddress = new Limit(properties.perClientAddress(), properties.period());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.startsWith("/invite"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = SecurityContextHolder.getContext().getAuthentication();
        // a JWT's subject or an API key (apikey:<id>): each counts against a bucket of its own
        boolean authenticated = caller instanceof JwtAuthenticationToken || caller instanceof ApiKeyAuthentication;
        Limit limit = authenticated ? perCaller : perClientAddress;
        String key = authenticated ? "caller:" + caller.getName() : "address:" + request.getRemoteAddr();

        ConsumptionProbe probe;
        try {
            probe = bucketFor(key, limit).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException failure) {
            if (!isStorageFailure(failure)) {
                throw failure;
            }
            // the limit cannot be checked; the request itself will meet the same outage and answer 503
            log.warn("rate limit not checked, storage unreachable: {}", failure.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("RateLimit-Limit", String.valueOf(limit.capacity()));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long waitSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "too many requests; retry after " + waitSeconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Bucket4j hands a storage failure to the requests that met it wrapped in its own exception. */
    private static boolean isStorageFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller's bucket, kept between requests. It counts locally and brings the shared state up to date (one read
     * and one conditional write) after {@link #UNSYNCHRONIZED_REQUESTS} requests or {@link #UNSYNCHRONIZED_TIME},
     * whichever comes first (Bucket4j's delaying): one instance counts exactly, and several instances together let a
     * caller at most that many requests each beyond the limit before they see each other's.
     */
    private Bucket bucketFor(String key, Limit limit) {
        return recentBuckets.computeIfAbsent(key, k -> buckets.builder()
                .withOptimization(Optimizations.delaying(
                        new DelayParameters(UNSYNCHRONIZED_REQUESTS, UNSYNCHRONIZED_TIME)))
                .build(k, limit::configuration));
    }

    private record Limit(long capacity, Duration period) {


        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        }
    }
}
