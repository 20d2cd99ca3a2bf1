package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.contract.Spec;
import dev.audiorouting.server.domain.Limits;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounds the domain enforces are the ones openapi.yaml declares: change one and this fails until both agree. */
class SpecLimitsTest {
    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> schemas = Spec.get().api().getComponents().getSchemas();

    @Test
    void idLengths() {
        Schema<?> group = schemas.get("audioRoutingGroup");
        assertThat(((Schema<?>) group.getProperties().get("id")).getMaxLength()).isEqualTo(Limits.MAX_ID_LENGTH);
        assertThat(schemas.get("participantId").getMaxLength()).isEqualTo(Limits.MAX_ID_LENGTH);
        assertThat(Spec.get().api().getComponents().getParameters().get("callId").getSchema().getMaxLength())
                .isEqualTo(Limits.MAX_ID_LENGTH);
        assertThat(Spec.get().api().getComponents().getParameters().get("groupId").getSchema().getMaxLength())
                .isEqualTo(Limits.MAX_ID_LENGTH);
    }

    @Test
    void pageSize() {
        Schema<?> top = Spec.get().api().getComponents().getParameters().get("top").getSchema();
        assertThat(top.getMaximum()).isEqualByComparingTo(String.valueOf(Limits.MAX_PAGE_SIZE));
        assertThat(top.getDefault()).isEqualTo(Limits.MAX_PAGE_SIZE);
    }

    @Test
    void listSizes() {
        Schema<?> group = schemas.get("audioRoutingGroup");
        assertThat(((Schema<?>) group.getProperties().get("receivers")).getMaxItems()).isEqualTo(Limits.MAX_RECEIVERS);
        assertThat(((Schema<?>) group.getProperties().get("sources")).getMaxItems()).isEqualTo(1);
    }

    @Test
    void bodySize() {
        assertThat(Spec.get().api().getComponents().getRequestBodies().get("audioRoutingGroup").getDescription())
                .contains(ServerConfig.DEFAULT_MAX_BODY_BYTES / 1024 + " KiB");
    }
}
