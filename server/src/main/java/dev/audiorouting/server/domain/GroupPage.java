package dev.audiorouting.server.domain;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a call's groups, in the order they were created.
 *
 * @param groups the page
 * @param next   where the next page starts ({@link AudioRoutingGroupStore#list}'s {@code after}), if there is one
 */
public record GroupPage(List<StoredGroup> groups, OptionalLong next) {
    public GroupPage {
        groups = List.copyOf(groups);
    }
}
