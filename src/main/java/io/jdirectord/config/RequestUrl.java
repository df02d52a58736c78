package io.jdirectord.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The {@code request} of an HTTP check when it is an absolute URL ({@code http://host/path}). */
public final class RequestUrl {

    private RequestUrl() {}

    /**
     * The request as an absolute URL when it is one of the schemes this service accepts (http for http,
     * https for https, either for http_proxy); empty for a plain path.
     *
     * @throws IllegalArgumentException when it starts like such a URL but is not a valid one
     */
    public static Optional<URI> absolute(String request, ServiceKind service) {
        String text = request.startsWith("/") ? request.substring(1) : request;
        boolean http = text.startsWith("http://");
        boolean https = text.startsWith("https://");
        boolean accepted = switch (service) {
            case HTTP -> http;
            case HTTPS -> https;
            default -> http || https;
        };
        if (!accepted) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(escape(text));
            if (url.getHost() == null) {
                throw new IllegalArgumentException("request URL " + text + " names no host");
            }
            return Optional.of(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request \"" + request + "\" is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** Percent-encodes (UTF-8) every character that may not appear in a URI; existing escapes stay. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
