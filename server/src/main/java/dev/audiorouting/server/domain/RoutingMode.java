package dev.audiorouting.server.domain;

/** How the source's audio reaches the receivers. */
public enum RoutingMode {
    /** One source, exactly one receiver. */
    ONE_TO_ONE,
    /** One source, one or more receivers. */
    MULTICAST
}
