package org.convergence4j.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** GET requests to a UI on this machine (127.0.0.1 only). */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    /** The body of {@code path} on port {@code port}; fails unless the status is 200. */
    public static String get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static JsonNode json(int port, String path) throws IOException, InterruptedException {
        return JSON.readTree(get(port, path));
    }

    /**
     * Waits until the UI knows {@code session}: DL4J's UI learns of new sessions from a queue that it reads every
     * half second, not when the listener writes. Gives up after a minute.
     */
    public static void awaitSession(int port, String session) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!json(port, "/train/sessions/info").has(session)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the UI on port " + port + " did not learn of session '" + session + "' in a minute");
            }
            Thread.sleep(100);
        }
    }

    /** A path segment, e.g. a session name with spaces. */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
