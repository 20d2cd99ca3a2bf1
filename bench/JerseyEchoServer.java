import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * (b) The framework's cost: Jersey on the same Jetty, thread pool and HTTP settings as the real server, parsing
 * the JSON body with Jackson and echoing it, and nothing else (no tokens, rules, store or filters).
 * Run with the server jar on the class path: java -cp server/target/audio-routing-server.jar bench/JerseyEchoServer.java PORT
 */
public class JerseyEchoServer {
    @Path("/beta/communications/calls/{call-id}/audioRoutingGroups")
    public static final class Echo {
        @POST
        @Consumes("application/json")
        @Produces("application/json")
        public JsonNode create(@PathParam("call-id") String callId, JsonNode body) {
            return body;
        }
    }

    public static void main(String[] args) throws Exception {
        ResourceConfig application = new ResourceConfig(Echo.class).register(JacksonFeature.class);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        jetty.addConnector(connector);
        jetty.setHandler(ContainerFactory.createContainer(JettyHttpContainer.class, application));
        jetty.start();
        System.out.println("Listening on http://127.0.0.1:" + args[0]);
        jetty.join();
    }
}
