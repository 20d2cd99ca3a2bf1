package dev.audiorouting.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.auth.AccessTokenVerifier;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import dev.audiorouting.server.error.AudioRoutingGroupConflictExceptionMapper;
import dev.audiorouting.server.error.AudioRoutingGroupModifiedExceptionMapper;
import dev.audiorouting.server.error.AudioRoutingGroupNotFoundExceptionMapper;
import dev.audiorouting.server.error.InvalidAudioRoutingGroupExceptionMapper;
import dev.audiorouting.server.error.InvalidTokenExceptionMapper;
import dev.audiorouting.server.error.JsonProcessingExceptionMapper;
import dev.audiorouting.server.error.MissingErrorBodyFilter;
import dev.audiorouting.server.error.MissingPermissionExceptionMapper;
import dev.audiorouting.server.error.ParamExceptionMapper;
import dev.audiorouting.server.error.StoreUnavailableExceptionMapper;
import dev.audiorouting.server.error.RequestReadExceptionMapper;
import dev.audiorouting.server.error.TokenKeysUnavailableExceptionMapper;
import dev.audiorouting.server.error.TooManyRequestsExceptionMapper;
import dev.audiorouting.server.error.UnexpectedExceptionMapper;
import dev.audiorouting.server.error.WebApplicationExceptionMapper;
import dev.audiorouting.server.http.BearerTokenFilter;
import dev.audiorouting.server.http.ResponseHeadersFilter;
import dev.audiorouting.server.json.ObjectMapperResolver;
import dev.audiorouting.server.observability.ServerMetrics;
import dev.audiorouting.server.resource.AudioRoutingGroupsResource;
import dev.audiorouting.server.throttling.RateLimitFilter;
import dev.audiorouting.server.throttling.TokenBuckets;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey side of the server: the resource, token checking, the JSON configuration, one mapper per exception
 * type, and filters.
 */
final class AudioRoutingApplication extends ResourceConfig {

    AudioRoutingApplication(AudioRoutingGroups groups, AccessTokenVerifier tokens, TokenBuckets buckets, ServerMetrics metrics,
                            ObjectMapper json) {
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(groups).to(AudioRoutingGroups.class);
            }
        });
        register(AudioRoutingGroupsResource.class);
        register(new BearerTokenFilter(tokens, metrics));
        register(new RateLimitFilter(buckets, metrics));

        // Jackson's own exception mappers answer text/plain; ours answer in Graph's shape.
        register(JacksonFeature.withoutExceptionMappers());
        register(new ObjectMapperResolver(json));

        register(InvalidAudioRoutingGroupExceptionMapper.class);
        register(AudioRoutingGroupConflictExceptionMapper.class);
        register(AudioRoutingGroupNotFoundExceptionMapper.class);
        register(AudioRoutingGroupModifiedExceptionMapper.class);
        register(ParamExceptionMapper.class);
        register(StoreUnavailableExceptionMapper.class);
        register(InvalidTokenExceptionMapper.class);
        register(MissingPermissionExceptionMapper.class);
        register(TokenKeysUnavailableExceptionMapper.class);
        register(TooManyRequestsExceptionMapper.class);
        register(JsonProcessingExceptionMapper.class);
        register(WebApplicationExceptionMapper.class);
        register(RequestReadExceptionMapper.class);
        register(UnexpectedExceptionMapper.class);
        register(MissingErrorBodyFilter.class);
        register(ResponseHeadersFilter.class);

        // The contract is openapi.yaml; no generated WADL on OPTIONS or /application.wadl.
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Nothing is registered behind our back (Jackson's auto-discovered feature brings its text/plain mappers).
        property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    }
}
