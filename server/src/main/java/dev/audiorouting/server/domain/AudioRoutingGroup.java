package dev.audiorouting.server.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A private audio route inside a call: the audio of the source participant is routed to the receivers.
 * Every instance obeys the rules of the contract; the constructor refuses anything else.
 *
 * @param id          unique within its call
 * @param routingMode how audio is routed
 * @param sources     exactly one participant id
 * @param receivers   one participant id for {@code ONE_TO_ONE}, one or more for {@code MULTICAST}; never the source
 */
public record AudioRoutingGroup(String id, RoutingMode routingMode, List<String> sources, List<String> receivers) {

    public AudioRoutingGroup {
        Ids.requireAddressable("id", id);
        if (routingMode == null) {
            throw new InvalidAudioRoutingGroupException("routingMode", "is required (oneToOne or multicast)");
        }
        sources = participants("sources", sources);
        receivers = participants("receivers", receivers);
        requireSize("sources", sources, 1, 1, "every group has exactly one source");
        if (routingMode == RoutingMode.ONE_TO_ONE) {
            requireSize("receivers", receivers, 1, 1, "a oneToOne group has exactly one receiver");
        } else {
            requireSize("receivers", receivers, 1, Limits.MAX_RECEIVERS,
                    "a multicast group has 1 to " + Limits.MAX_RECEIVERS + " receivers");
        }
        String source = sources.get(0);
        if (receivers.contains(source)) {
            throw new InvalidAudioRoutingGroupException("receivers", "the source '" + source + "' cannot also be a receiver");
        }
    }

    /**
     * This group with the changes applied. Only receivers may change, as on Microsoft Graph; the routing
     * mode's rules still hold afterwards.
     *
     * @throws InvalidAudioRoutingGroupException if the changes touch anything else, or break a rule
     */
    public AudioRoutingGroup with(GroupChanges changes) {
        requireUnchanged("id", changes.id(), id, "the id of a group cannot change");
        requireUnchanged("routingMode", changes.routingMode(), routingMode,
                "the routing mode of a group cannot change; delete the group and create it again");
        requireUnchanged("sources", changes.sources(), sources,
                "the source of a group cannot change; delete the group and create it again");
        return changes.receivers() == null ? this : new AudioRoutingGroup(id, routingMode, sources, changes.receivers());
    }

    private static void requireUnchanged(String field, Object requested, Object current, String problem) {
        if (requested != null && !requested.equals(current)) {
            throw new InvalidAudioRoutingGroupException(field, problem);
        }
    }

    /**
     * Whether a create of {@code other} repeats the create of this group: same id, mode and participants.
     * Receivers are compared as a set, since their order carries no meaning.
     */
    public boolean sameContentAs(AudioRoutingGroup other) {
        return id.equals(other.id)
                && routingMode == other.routingMode
                && sources.equals(other.sources)
                && Set.copyOf(receivers).equals(Set.copyOf(other.receivers));
    }

    private static List<String> participants(String field, List<String> ids) {
        if (ids == null) {
            throw new InvalidAudioRoutingGroupException(field, "is required (an array of participant ids)");
        }
        Set<String> seen = new HashSet<>();
        for (String participant : ids) {
            Ids.requireValid(field, participant);
            if (!seen.add(participant)) {
                throw new InvalidAudioRoutingGroupException(field, "'" + participant + "' appears more than once");
            }
        }
        return List.copyOf(ids);
    }

    private static void requireSize(String field, List<String> ids, int min, int max, String rule) {
        if (ids.size() < min || ids.size() > max) {
            throw new InvalidAudioRoutingGroupException(field, rule + ", found " + ids.size());
        }
    }
}
