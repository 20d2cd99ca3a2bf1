package dev.audiorouting.server.domain;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a client asked to create, before any rule is checked. Any part may be missing ({@code null});
 * {@link #toGroup(Supplier)} checks the rules.
 */
public record GroupDraft(String id, RoutingMode routingMode, List<String> sources, List<String> receivers) {

    /** The group this draft describes, with a generated id when the client sent none. */
    AudioRoutingGroup toGroup(Supplier<String> newId) {
        return new AudioRoutingGroup(id == null ? newId.get() : id, routingMode, sources, receivers);
    }
}
