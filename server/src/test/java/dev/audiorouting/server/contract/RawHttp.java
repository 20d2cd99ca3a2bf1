package dev.audiorouting.server.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Bytes over a socket, for requests no well-behaved HTTP client would send. */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends the bytes on a fresh connection and reads the response until the server closes it. */
    public static Response exchange(URI server, byte[] request) throws IOException {
        try (Connection connection = open(server)) {
            connection.send(request);
            return connection.response();
        }
    }

    /** The head of a POST to {@code path} with a bearer token and the given header lines, each ending in CRLF. */
    public static String postHead(String path, String authorization, String headerLines) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + authorization + "\r\n" + headerLines + "\r\n";
    }

    /**
     * Sends the head, then the body in pieces with pauses, as a client on a slow network would, and reads the
     * answer only when all is sent, as most clients do. A server that answers before the body has arrived must
     * not close on it while it is still coming: the reset would destroy the answer, and this throws instead.
     */
    public static Response exchangeSlowly(URI server, String head, byte[] body) throws IOException, InterruptedException {
        try (Connection connection = open(server)) {
            connection.send(head);
            connection.sendSlowly(body);
            return connection.response();
        }
    }

    /** A connection to send a request on in several parts, as a slow client would. */
    public static Connection open(URI server) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000);
        return new Connection(socket);
    }

    public record Connection(Socket socket) implements AutoCloseable {
        /** Sends a request head, or any other ASCII text. */
        public void send(String ascii) throws IOException {
            send(ascii.getBytes(StandardCharsets.US_ASCII));
        }

        public void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** Sends the bytes in 32 KiB pieces with pauses, as a client on a slow network would. */
        public void sendSlowly(byte[] bytes) throws IOException, InterruptedException {
            int piece = 32 * 1024;
            for (int at = 0; at < bytes.length; at += piece) {
                Thread.sleep(10);
                send(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece)));
            }
        }

        /**
         * Reads one response head and returns its status, leaving the connection open: for a {@code 100 Continue},
         * or an answer that comes while the request is still being sent.
         */
        public int readStatus() throws IOException {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    throw new java.io.EOFException("closed after " + head);
                }
                head.append((char) next);
            }
            return Integer.parseInt(head.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }

        /** Reads until the server closes the connection (send {@code Connection: close}). */
        public Response response() throws IOException {
            return Response.parse(readAll(socket.getInputStream()));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            in.transferTo(out);
        } catch (java.net.SocketException reset) {
            // The server may reset the connection after answering; what arrived is the answer.
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public record Response(int status, Map<String, String> headers, String body) {
        /** The body without chunked framing, when the server sent it chunked. */
        public String decodedBody() {
            if (!"chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
                return body;
            }
            // Chunk sizes count bytes: work on the UTF-8 bytes (the server's bodies are valid UTF-8).
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            int at = 0;
            while (at < bytes.length) {
                int lineEnd = at;
                while (bytes[lineEnd] != '\r') {
                    lineEnd++;
                }
                int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.write(bytes, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return decoded.toString(StandardCharsets.UTF_8);
        }

        /** Status 0: the server closed the connection without answering. */
        static Response parse(String text) {
            if (text.isEmpty()) {
                return new Response(0, Map.of(), "");
            }
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}
