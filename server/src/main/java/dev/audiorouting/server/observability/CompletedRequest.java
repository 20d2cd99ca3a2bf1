package dev.audiorouting.server.observability;

import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.http.RequestIds;

/**
 * What the access log says of one request.
 *
 * @param path   the raw path, without the query
 * @param caller who sent it, when its token was verified; {@code null} otherwise
 */
public record CompletedRequest(String method, String path, String operation, int status, long nanos, RequestIds ids, Caller caller) {
}
