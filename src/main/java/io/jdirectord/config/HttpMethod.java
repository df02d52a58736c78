package io.jdirectord.config;

/** The {@code httpmethod} directive. */
public enum HttpMethod {
    GET,
    HEAD
}
