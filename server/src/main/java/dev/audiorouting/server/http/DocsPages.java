package dev.audiorouting.server.http;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * {@code /docs/}: Swagger UI on {@code /openapi.json}, entirely from this jar (our page and initializer, the
 * swagger-ui webjar's scripts and styles), with a Content-Security-Policy that lets the page load nothing from
 * anywhere else. {@code /docs} redirects to {@code /docs/}.
 */
public final class DocsPages {
    public static final String PATH = "/docs";
    /** Swagger UI sets inline styles, and its icons are data: URIs; scripts come from this server only. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    private DocsPages() {
    }

    public static ContextHandler handler() {
        ContextHandler docs = new ContextHandler(PATH);
        ResourceFactory resources = ResourceFactory.of(docs);
        docs.setHandler(new SecurityHeaders(new Handler.Sequence(
                pages(resources.newClassLoaderResource("docs/")),
                pages(resources.newClassLoaderResource(WEBJAR)))));
        return docs;
    }

    private static ResourceHandler pages(org.eclipse.jetty.util.resource.Resource base) {
        ResourceHandler pages = new ResourceHandler();
        pages.setBaseResource(base);
        pages.setDirAllowed(false);
        pages.setWelcomeFiles(List.of("index.html"));
        return pages;
    }

    /** The webjar's version, as Maven wrote it into the jar, so the pom alone decides it. */
    private static String swaggerUiVersion() {
        try (var in = DocsPages.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (Exception e) {
            throw new IllegalStateException("the swagger-ui webjar is missing", e);
        }
    }

    private static final class SecurityHeaders extends Handler.Wrapper {
        SecurityHeaders(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            return super.handle(request, response, callback);
        }
    }
}
