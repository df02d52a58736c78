package io.jdirectord.check;

import java.util.Optional;

/**
 * An HTTP response as far as a check read it: its status and the first maxBytes of its body; for a
 * redirect that is followed, its Location header instead (the body is not read).
 *
 * @param status    the final status code (interim 1xx responses are skipped)
 * @param body      the body read, decoded as UTF-8
 * @param bodyBytes how many bytes of body were read
 * @param truncated whether the server had more body than was read
 * @param location  the Location of a followed redirect
 */
record HttpReply(int status, String body, long bodyBytes, boolean truncated, Optional<String> location) {}
