package dev.audiorouting.server.domain;

import java.util.List;

/**
 * What a client asked to change in a group; {@code null} for what it did not send. Only {@code receivers} can
 * really change: the others are accepted when they repeat the current values (a client may send back the whole
 * group it read).
 */
public record GroupChanges(String id, RoutingMode routingMode, List<String> sources, List<String> receivers) {
}
