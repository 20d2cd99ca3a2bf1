package dev.audiorouting.server.observability;

/**
 * The spec's operationId of a request, from its method and path, for logs and metrics. It is read from the raw
 * path, so it names requests refused before Jersey matched them too (a 401, a 413): an encoded slash stays inside
 * its segment.
 */
public final class Operations {
    /** Anything that is none of the spec's operations: another method, path, or the docs. */
    public static final String OTHER = "other";

    private Operations() {
    }

    /** @param path the raw path, e.g. {@code /beta/communications/calls/c1/audioRoutingGroups/g1} */
    public static String of(String method, String path) {
        String[] segments = path.split("/", -1);
        // "", "beta", then "communications" or "app", "calls", the call id, "audioRoutingGroups"[, the group id]
        if (segments.length < 6 || segments.length > 7 || !segments[0].isEmpty() || !segments[1].equals("beta")
                || !segments[3].equals("calls") || segments[4].isEmpty() || !segments[5].equals("audioRoutingGroups")) {
            return OTHER;
        }
        String app = switch (segments[2]) {
            case "communications" -> "";
            case "app" -> "App";
            default -> null;
        };
        if (app == null) {
            return OTHER;
        }
        return segments.length == 6 ? collection(method, app) : segments[6].isEmpty() ? OTHER : item(method, app);
    }

    private static String collection(String method, String app) {
        return switch (method) {
            case "GET" -> "list" + app + "AudioRoutingGroups";
            case "POST" -> "create" + app + "AudioRoutingGroup";
            default -> OTHER;
        };
    }

    private static String item(String method, String app) {
        return switch (method) {
            case "GET" -> "get" + app + "AudioRoutingGroup";
            case "PATCH" -> "update" + app + "AudioRoutingGroup";
            case "DELETE" -> "delete" + app + "AudioRoutingGroup";
            default -> OTHER;
        };
    }
}
