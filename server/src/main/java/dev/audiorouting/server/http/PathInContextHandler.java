package dev.audiorouting.server.http;

import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * Jersey's Jetty 12 container (4.0.2) builds the request URI as "base URI + full path", which doubles the
 * context path ({@code /beta/beta/...}) so nothing under a context would match. Placed between the
 * {@code ContextHandler} and Jersey, this handler shows Jersey the path within the context instead.
 *
 * <p>It passes the path Jetty matched, normalised ({@code a/../b} is {@code b}, never a call id ".."), in the
 * canonical encoding Jersey decodes path parameters from. Jetty leaves some characters of the path in context
 * encoded ({@code %20}, {@code %3B}...) and decodes others, so it is decoded fully first: encoding it as it
 * is would turn {@code %20} into {@code %2520}, and an id with a space could be created but never read.
 */
public final class PathInContextHandler extends Handler.Wrapper {

    public PathInContextHandler(Handler jersey) {
        super(jersey);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String pathInContext = URIUtil.encodePath(URIUtil.decodePath(Request.getPathInContext(request)));
        HttpURI uri = HttpURI.build(request.getHttpURI()).path(pathInContext).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        }, response, callback);
    }

    /** The path the client sent, for messages: what Jersey sees is the path within the context. */
    public static String fullPath(Request request) {
        return Request.getContextPath(request) + request.getHttpURI().getPath();
    }
}
