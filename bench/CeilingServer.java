import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * (a) The ceiling: the JDK's own HTTP server answering a fixed JSON body, with the two settings that make it
 * fast (no Nagle delay, a thread pool). Run: java bench/CeilingServer.java PORT
 */
public class CeilingServer {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = "{\"id\":\"fixed\",\"routingMode\":\"multicast\",\"sources\":[\"s\"],\"receivers\":[\"r\"]}"
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("Listening on http://127.0.0.1:" + args[0]);
    }
}
