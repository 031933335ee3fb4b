package io.caseswarm.platform.rest;

import java.util.regex.Pattern;

/**
 * A route that takes bodies larger than every other one, such as a file upload. A service declares it as
 * a CDI bean ({@code @Produces}); {@link BodySizeLimit} then lets that route, and only it, take up to
 * {@code maxBytes}. The server's ceiling, {@code quarkus.http.limits.max-body-size}, must be at least as
 * large: the service is refused at start otherwise.
 */
public record LargeBodyRoute(String method, Pattern path, long maxBytes) {

    /** {@code pathRegex} matches the whole request path, e.g. {@code /cases/[^/]+/attachments}. */
    public static LargeBodyRoute of(String method, String pathRegex, long maxBytes) {
        return new LargeBodyRoute(method, Pattern.compile(pathRegex), maxBytes);
    }

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).matches();
    }
}
