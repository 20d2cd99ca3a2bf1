package dev.audiorouting.server.domain;

import java.util.Set;

/**
 * What a change requires of the group's current version: nothing, or one of the entity tags the client read
 * ({@code If-Match}). A group that does not exist is "not found" either way, as on Microsoft Graph.
 */
public sealed interface Precondition {
    /** No requirement ({@code If-Match} absent, or {@code *}): the change applies to the current version. */
    Precondition NONE = new None();

    static Precondition etagIn(Set<String> etags) {
        return new EtagIn(Set.copyOf(etags));
    }

    boolean allows(String currentEtag);

    record None() implements Precondition {
        @Override
        public boolean allows(String currentEtag) {
            return true;
        }
    }

    record EtagIn(Set<String> etags) implements Precondition {
        @Override
        public boolean allows(String currentEtag) {
            return etags.contains(currentEtag);
        }
    }
}
