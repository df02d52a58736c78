package io.jdirectord.config;

/**
 * The {@code httpversion} directive (an extension): the HTTP version an http or https check speaks. 1.1 by
 * default; 2 speaks HTTP/2, over TLS with ALPN "h2" for https and in clear text with prior knowledge (h2c)
 * for http.
 */
public enum HttpVersion {
    HTTP_1_1("1.1"),
    HTTP_2("2");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** As written in the configuration: "1.1" or "2". */
    public String text() {
        return text;
    }
}
