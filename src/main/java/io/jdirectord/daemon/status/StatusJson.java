package io.jdirectord.daemon.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Renders a {@link StatusReport} as JSON (one object; times in ISO-8601 UTC, durations in ms). */
public final class StatusJson {

    private StatusJson() {}

    public static String render(StatusReport report) {
        Json json = new Json()
                .object()
                .field("version", report.version())
                .field("pid", report.pid())
                .field("config", report.config())
                .field("started", report.started())
                .field("now", report.now())
                .field("dryRun", report.dryRun());
        report.director()
                .ifPresent(health -> json.name("director")
                        .object()
                        .field("healthy", health.healthy())
                        .field("reason", health.reason())
                        .field("servicesLost", health.servicesLost())
                        .field("trackValue", health.trackValue())
                        .end());
        return json.array("services", report.services(), StatusJson::service)
                        .end()
                        .toString() + "\n";
    }

    private static void service(Json json, StatusReport.Service s) {
        json.object()
                .field("id", s.id())
                .field("protocol", s.protocol())
                .field("address", s.address())
                .field("scheduler", s.scheduler())
                .field("flags", s.flags())
                .field("inTable", s.inTable())
                .field("fallback", s.fallback())
                .field("fallbackActive", s.fallbackActive())
                .field("failsafe", s.failsafe())
                .field("removed", s.removed())
                .array("reals", s.reals(), StatusJson::real)
                .end();
    }

    private static void real(Json json, StatusReport.Real r) {
        json.object()
                .field("address", r.address())
                .field("forwarding", r.forwarding())
                .field("check", r.check())
                .field("health", r.health())
                .field("configuredWeight", r.configuredWeight())
                .field("currentWeight", r.currentWeight())
                .field("activeConnections", r.activeConnections())
                .field("inactiveConnections", r.inactiveConnections())
                .field("lastChange", r.lastChange())
                .field("slowStart", r.slowStart())
                .field("admin", r.control().map(StatusReport.Control::admin).orElse("enabled"))
                .field(
                        "weightOverride",
                        r.control().map(StatusReport.Control::weight).orElse(OptionalInt.empty()))
                .field("drainDeadline", r.control().flatMap(StatusReport.Control::deadline))
                .field("controlledBy", r.control().map(StatusReport.Control::by));
        json.name("agent");
        r.agent()
                .ifPresentOrElse(
                        a -> json.object()
                                .field("answer", a.answer())
                                .field("description", a.description())
                                .field("failure", a.failure())
                                .end(),
                        json::nullValue);
        json.name("lastCheck");
        r.lastCheck()
                .ifPresentOrElse(
                        c -> json.object()
                                .field("up", c.up())
                                .field("reason", c.reason())
                                .field("elapsedMs", c.elapsedMillis())
                                .field("at", c.at())
                                .end(),
                        json::nullValue);
        json.end();
    }

    /** A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final StringBuilder out = new StringBuilder();
        private boolean needComma;

        Json object() {
            comma();
            out.append('{');
            needComma = false;
            return this;
        }

        Json end() {
            out.append('}');
            needComma = true;
            return this;
        }

        Json name(String name) {
            comma();
            string(name);
            out.append(':');
            needComma = false;
            return this;
        }

        <T> Json array(String name, List<T> items, java.util.function.BiConsumer<Json, T> writer) {
            name(name);
            out.append('[');
            needComma = false;
            items.forEach(item -> writer.accept(this, item));
            out.append(']');
            needComma = true;
            return this;
        }

        Json field(String name, Object value) {
            name(name);
            switch (value) {
                case Optional<?> optional -> optional.ifPresentOrElse(v -> value(v), this::nullValue);
                case OptionalInt optional -> {
                    if (optional.isPresent()) {
                        value(optional.getAsInt());
                    } else {
                        nullValue();
                    }
                }
                default -> value(value);
            }
            needComma = true;
            return this;
        }

        private void value(Object value) {
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                string(value instanceof Instant instant ? instant.toString() : String.valueOf(value));
            }
            needComma = true;
        }

        void nullValue() {
            out.append("null");
            needComma = true;
        }

        private void comma() {
            if (needComma) {
                out.append(',');
            }
        }

        private void string(String text) {
            out.append(JsonString.quote(text));
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
