package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values the negotiate checks of mysql, pgsql, oracle, radius, sip and ldap cannot do without (reference §5). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NegotiateRequirementsTest {

    private static final String SQL_REFUSAL =
            " (ldirectord refuses the check: \"Must specify a login and request" + " string\")";

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "pgsql", "oracle"})
    void rejectsAnSqlCheckWithoutLoginAndRequest(String service) {
        assertThat(fixture.errors(
                        "virtual=192.0.2.10:4000\n" + Fixture.block("real=10.0.0.1:4000 masq", "service=" + service)))
                .containsExactly(
                        "1: service " + service + " needs request=\"SELECT ...\", the query the check runs"
                                + SQL_REFUSAL,
                        "3: service " + service + " needs login=\"USER\"" + SQL_REFUSAL);
    }

    @Test
    void rejectsAnSqlCheckWhoseRequestIsOnlyTheDefaultSlash() {
        assertThat(fixture.errors("virtual=192.0.2.10:3306\n"
                        + Fixture.block("real=10.0.0.1:3306 masq", "login=\"monitor\"", "request=\"/\"")))
                .containsExactly(
                        "4: service mysql needs request=\"SELECT ...\", the query the check runs" + SQL_REFUSAL);
    }

    @Test
    void acceptsAnSqlCheckWithLoginAndAQueryOnEveryRealLine() {
        VirtualService service = fixture.only("virtual=192.0.2.10:5432\n"
                + Fixture.block(
                        "real=10.0.0.1:5432 masq 1 \"SELECT 1\" \"1\"",
                        "real=10.0.0.2:5432 masq 1 \"SELECT 2\" \"2\"",
                        "login=\"monitor\""));
        assertThat(service.check().service()).isEqualTo(ServiceKind.PGSQL);
        assertThat(fixture.errors("virtual=192.0.2.10:5432\n"
                        + Fixture.block(
                                "real=10.0.0.1:5432 masq 1 \"SELECT 1\" \"1\"",
                                "real=10.0.0.2:5432 masq",
                                "login=\"monitor\"")))
                .containsExactly(
                        "1: service pgsql needs request=\"SELECT ...\", the query the check runs" + SQL_REFUSAL);
    }

    @Test
    void requiresNothingWhenTheCheckDoesNotNegotiate() {
        assertThat(fixture.only("virtual=192.0.2.10:3306\n"
                                + Fixture.block("real=10.0.0.1:3306 masq", "checktype=connect"))
                        .check()
                        .type())
                .isEqualTo(CheckType.CONNECT);
        fixture.only("virtual=192.0.2.10:1812\n"
                + Fixture.block("real=10.0.0.1:1812 masq", "protocol=udp", "checktype=ping"));
    }

    @Test
    void rejectsARadiusCheckWithoutLoginPasswdOrSecret() {
        assertThat(fixture.errors("virtual=192.0.2.10:1812\n"
                        + Fixture.block(
                                "real=10.0.0.1:1812 masq", "protocol=udp", "service=radius", "login=\"probe\"")))
                .containsExactly(
                        "4: service radius needs passwd=\"PASSWORD\": the User-Password of the Access-Request",
                        "4: service radius needs secret=\"SECRET\": the secret shared with the RADIUS server;"
                                + " without it no server accepts the Access-Request");
        assertThat(fixture.errors("virtual=192.0.2.10:1812\n"
                        + Fixture.block("real=10.0.0.1:1812 masq", "protocol=udp", "passwd=\"x\"", "secret=\"s\"")))
                .containsExactly("1: service radius needs login=\"USER\": the User-Name of the Access-Request");
        fixture.only("virtual=192.0.2.10:1812\n"
                + Fixture.block(
                        "real=10.0.0.1:1812 masq", "protocol=udp", "login=\"probe\"", "passwd=\"x\"", "secret=\"s\""));
    }

    @Test
    void rejectsASipCheckWithoutLoginUnlessServiceSipSetsOne() {
        assertThat(fixture.errors(
                        "virtual=192.0.2.10:5060\n" + Fixture.block("real=10.0.0.1:5060 masq", "protocol=udp")))
                .containsExactly("1: service sip needs login=\"USER@HOST\": the check asks"
                        + " OPTIONS sip:<login> (ldirectord sets a default only when service=sip is written, and"
                        + " without a login sends \"OPTIONS sip: SIP/2.0\", which no server answers with 200 OK)");
        assertThat(fixture.only("virtual=192.0.2.10:5060\n"
                                + Fixture.block("real=10.0.0.1:5060 masq", "protocol=udp", "service=sip"))
                        .check()
                        .login())
                .startsWith("jdirectord@");
    }

    @Test
    void acceptsAnLdapCheckWithoutRequestAsTheRootEntryAndWarnsAboutAHalfBind() {
        fixture.only("virtual=192.0.2.10:389\n" + Fixture.block("real=10.0.0.1:389 masq"));
        assertThat(fixture.warnings("virtual=192.0.2.10:389\n"
                        + Fixture.block("real=10.0.0.1:389 masq", "login=\"cn=monitor,dc=example,dc=test\"")))
                .contains("3: login without passwd: the LDAP check"
                        + " binds anonymously (as ldirectord, which binds with both or neither)");
    }
}
