package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;

class InMemoryAudioRoutingGroupStoreTest extends AudioRoutingGroupStoreContract {
    private final InMemoryAudioRoutingGroupStore store = new InMemoryAudioRoutingGroupStore();

    @Override
    protected AudioRoutingGroupStore store() {
        return store;
    }
}
