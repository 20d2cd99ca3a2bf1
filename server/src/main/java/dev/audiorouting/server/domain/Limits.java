package dev.audiorouting.server.domain;

/**
 * The bounds openapi.yaml declares ({@code maxLength}, {@code maxItems}). A test reads the spec and fails
 * if the two ever disagree, so change both together.
 */
public final class Limits {
    /** Longest group id, call id and participant id, in Unicode code points (as JSON Schema counts). */
    public static final int MAX_ID_LENGTH = 128;
    /** Most receivers a multicast group may have. */
    public static final int MAX_RECEIVERS = 256;
    /** Most groups in one page of a list ({@code $top}), and the page size when none is asked for. */
    public static final int MAX_PAGE_SIZE = 100;

    private Limits() {
    }
}
