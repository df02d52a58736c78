package io.jdirectord.check;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The standard gRPC health protocol, grpc.health.v1.Health/Check: the request message and the judgement
 * of the reply. The two messages have one field each ({@code HealthCheckRequest.service = 1}, a string;
 * {@code HealthCheckResponse.status = 1}, an enum), encoded and decoded with protobuf-java's
 * CodedOutputStream and CodedInputStream; each travels in gRPC's length-prefixed framing.
 */
final class GrpcHealth {

    static final String PATH = "/grpc.health.v1.Health/Check";

    private static final int SERVICE_FIELD = 1;
    private static final int STATUS_FIELD = 1;
    private static final int PREFIX = 5;
    private static final List<String> SERVING_STATUS = List.of("UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN");
    private static final List<String> GRPC_STATUS = List.of(
            "OK",
            "CANCELLED",
            "UNKNOWN",
            "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED",
            "NOT_FOUND",
            "ALREADY_EXISTS",
            "PERMISSION_DENIED",
            "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION",
            "ABORTED",
            "OUT_OF_RANGE",
            "UNIMPLEMENTED",
            "INTERNAL",
            "UNAVAILABLE",
            "DATA_LOSS",
            "UNAUTHENTICATED");

    private GrpcHealth() {}

    /** The framed HealthCheckRequest for {@code service} (empty: the server's overall health). */
    static byte[] request(String service) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(message);
        if (!service.isEmpty()) {
            out.writeString(SERVICE_FIELD, service);
        }
        out.flush();
        return ByteBuffer.allocate(PREFIX + message.size())
                .put((byte) 0)
                .putInt(message.size())
                .put(message.toByteArray())
                .array();
    }

    /** Up on SERVING; down with the reason on anything else. */
    static CheckResult judge(H2Response response, String service) {
        String asked = service.isEmpty() ? "" : " for service '" + Reasons.excerpt(service) + "'";
        Optional<String> problem = transportProblem(response);
        if (problem.isPresent()) {
            return CheckResult.down(problem.get());
        }
        try {
            int status = servingStatus(response);
            String name = status < SERVING_STATUS.size() ? SERVING_STATUS.get(status) : "status " + status;
            return status == 1
                    ? CheckResult.up("gRPC health SERVING" + asked)
                    : CheckResult.down("gRPC health " + name + asked);
        } catch (ProbeException e) {
            return CheckResult.down(e.getMessage());
        }
    }

    /** What makes the reply no successful gRPC call: HTTP status, content-type, grpc-status. */
    private static Optional<String> transportProblem(H2Response response) {
        if (response.status() != 200) {
            return Optional.of("HTTP " + response.status() + " from the gRPC endpoint (200 expected)");
        }
        String type = response.header("content-type").orElse("");
        if (!type.startsWith("application/grpc")) {
            return Optional.of("content-type " + (type.isEmpty() ? "missing" : "'" + Reasons.excerpt(type) + "'")
                    + " (application/grpc expected)");
        }
        Optional<String> grpcStatus = response.header("grpc-status");
        if (grpcStatus.isEmpty()) {
            return Optional.of("no grpc-status in the reply" + (response.truncated() ? " (reply truncated)" : ""));
        }
        if (grpcStatus.get().equals("0")) {
            return Optional.empty();
        }
        String message =
                response.header("grpc-message").map(GrpcHealth::percentDecoded).orElse("");
        return Optional.of("gRPC status " + statusName(grpcStatus.get())
                + (message.isEmpty() ? "" : ": " + Reasons.excerpt(message)));
    }

    private static int servingStatus(H2Response response) throws ProbeException {
        ByteBuffer body = ByteBuffer.wrap(response.body());
        if (body.remaining() < PREFIX) {
            throw new ProbeException("gRPC reply without a HealthCheckResponse message");
        }
        if (body.get() != 0) {
            throw new ProbeException("gRPC reply compressed, though no compression was offered");
        }
        int length = body.getInt();
        if (length < 0 || length > body.remaining()) {
            throw new ProbeException(
                    "gRPC reply message longer than the " + Reasons.size(body.remaining()) + " read (maxreceive)");
        }
        try {
            return statusField(CodedInputStream.newInstance(response.body(), PREFIX, length));
        } catch (IOException e) {
            throw new ProbeException("gRPC reply is no HealthCheckResponse: " + Reasons.excerpt(e.getMessage()));
        }
    }

    /** HealthCheckResponse.status; UNKNOWN (0) when absent, as protobuf reads a missing enum. */
    private static int statusField(CodedInputStream in) throws IOException {
        int status = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == STATUS_FIELD
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
                status = in.readEnum();
            } else {
                in.skipField(tag);
            }
        }
        return status;
    }

    private static String statusName(String code) {
        try {
            int number = Integer.parseInt(code);
            return (number >= 0 && number < GRPC_STATUS.size() ? GRPC_STATUS.get(number) + " " : "") + "(" + number
                    + ")";
        } catch (NumberFormatException e) {
            return "'" + Reasons.excerpt(code) + "'";
        }
    }

    /** grpc-message is percent-encoded UTF-8. */
    static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hex = c == '%' && i + 2 < text.length() ? hexValue(text.substring(i + 1, i + 3)) : -1;
            if (hex >= 0) {
                bytes.write(hex);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexValue(String two) {
        try {
            return Integer.parseInt(two, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
