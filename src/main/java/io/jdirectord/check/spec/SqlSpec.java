package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;

/**
 * What a mysql, pgsql or oracle check needs.
 *
 * @param probe    the check port, negotiatetimeout, maxreceive
 * @param service  mysql, pgsql or oracle: which driver and URL
 * @param login    the database user
 * @param passwd   the password
 * @param database the database (Oracle: the SID)
 * @param request  the query, with or without a leading "/"
 */
public record SqlSpec(Probe probe, ServiceKind service, String login, String passwd, String database, String request) {

    public static SqlSpec of(ProbeSpec spec) {
        return new SqlSpec(
                Probe.negotiate(spec),
                spec.check().service(),
                spec.check().login(),
                spec.check().passwd(),
                spec.check().database(),
                spec.check().request());
    }
}
