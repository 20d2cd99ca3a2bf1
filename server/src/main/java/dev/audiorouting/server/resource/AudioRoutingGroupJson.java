package dev.audiorouting.server.resource;

import dev.audiorouting.api.model.AudioRoutingGroup;
import dev.audiorouting.api.model.AudioRoutingGroupCollection;
import dev.audiorouting.api.model.AudioRoutingGroupUpdate;
import dev.audiorouting.server.domain.GroupChanges;
import dev.audiorouting.server.domain.GroupDraft;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.RoutingMode;
import dev.audiorouting.server.domain.StoredGroup;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Translates between the generated wire model and the domain, so generated types stop at the resource. */
final class AudioRoutingGroupJson {
    private AudioRoutingGroupJson() {
    }

    /** The draft a request body describes, or {@code null} for a missing body. */
    static GroupDraft toDraft(AudioRoutingGroup body) {
        if (body == null) {
            return null;
        }
        return new GroupDraft(body.getId(), toDomain(body.getRoutingMode()), listOf(body.getSources()), listOf(body.getReceivers()));
    }

    /** The changes a request body asks for, or {@code null} for a missing body. */
    static GroupChanges toChanges(AudioRoutingGroupUpdate body) {
        if (body == null) {
            return null;
        }
        return new GroupChanges(body.getId(), toDomain(body.getRoutingMode()), listOf(body.getSources()), listOf(body.getReceivers()));
    }

    static AudioRoutingGroup toJson(StoredGroup stored) {
        dev.audiorouting.server.domain.AudioRoutingGroup group = stored.group();
        return new AudioRoutingGroup(toJson(group.routingMode()), new LinkedHashSet<>(group.sources()),
                new LinkedHashSet<>(group.receivers()))
                .id(group.id())
                .atOdataEtag(EntityTags.quote(stored.etag()));
    }

    static AudioRoutingGroupCollection toJson(GroupPage page, URI nextLink) {
        return new AudioRoutingGroupCollection(page.groups().stream().map(AudioRoutingGroupJson::toJson).toList())
                .atOdataNextLink(nextLink);
    }

    private static RoutingMode toDomain(dev.audiorouting.api.model.RoutingMode mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case ONE_TO_ONE -> RoutingMode.ONE_TO_ONE;
            case MULTICAST -> RoutingMode.MULTICAST;
        };
    }

    private static dev.audiorouting.api.model.RoutingMode toJson(RoutingMode mode) {
        return switch (mode) {
            case ONE_TO_ONE -> dev.audiorouting.api.model.RoutingMode.ONE_TO_ONE;
            case MULTICAST -> dev.audiorouting.api.model.RoutingMode.MULTICAST;
        };
    }

    private static List<String> listOf(Collection<String> items) {
        return items == null ? null : new ArrayList<>(items);
    }
}
