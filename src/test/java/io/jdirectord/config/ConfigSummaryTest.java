package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.check.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The text jdirectord -t prints, against golden strings. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigSummaryTest {

    @TempDir
    Path dir;

    private Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new Fixture(dir);
    }

    @Test
    void describesTheSampleConfiguration() throws IOException {
        String summary = ConfigSummary.format(fixture.parse(SampleConfigTest.resource("sample.cf")));
        assertThat(summary).isEqualTo(SampleConfigTest.resource("sample.summary"));
    }

    @Test
    void describesExtensionsAndEveryCheckType() throws IOException {
        Path ca = Files.copy(TestCertificates.get().caFile(), dir.resolve("ca.pem"));
        String summary = ConfigSummary.format(fixture.parse("""
                repairinterval=0
                syncdaemon=master eth0 5
                ipvstimeouts=900 120 300
                statusaddress=[::1]:9100
                maintenancedir=%1$s
                execute=other.cf
                callback="/usr/local/sbin/cb"
                logfile="%1$s/ld.log"
                virtual=192.0.2.10:443
                \treal=10.0.0.1:443 masq 3 l:10 u:200
                \tchecktype=4
                \tcacert=%2$s
                \tmaxreceive=4096
                \tschedflags=sh-port
                \tscheduler=sh
                \tquiescent=yes
                \tmonitorfile=%1$s/mon.log
                \tservicename=shop
                \temailalert=ops@example.test
                \temailalertstatus=starting,stopping
                \tfallbackcommand=/usr/local/sbin/sorry
                virtual=192.0.2.10:53
                \treal=10.0.0.1 gate
                \tchecktype=connect
                \tops=yes
                virtual=192.0.2.10:8080
                \treal=10.0.0.1:8080 masq
                \tchecktype=external
                \tcheckcommand=/bin/true
                \tdynamicweight=yes
                \trisecount=3
                \tcheckinterval=0.5
                virtual6=7
                \treal6=[2001:db8::1] gate 0
                \tchecktype=ping
                \tpersistent=60
                \tnetmask=64
                \tcleanstop=no
                virtual=192.0.2.10:1812
                \treal=10.0.0.1 gate
                \tservice=radius
                \tlogin="nas"
                \tpasswd="pw"
                \tsecret="s"
                \tchecktype=negotiate
                """.formatted(dir, ca)));
        assertThat(summary).isEqualTo("""
                global
                  checkinterval 10s, repairinterval never
                  logfile %1$s/ld.log
                  autoreload no, readdquiescent no, supervised no, fork no
                  callback /usr/local/sbin/cb
                  maintenancedir %1$s
                  execute other.cf
                  syncdaemon master eth0 syncid 5
                  ipvstimeouts tcp 900s, tcpfin 120s, udp 300s
                  statusaddress [::1]:9100
                virtual tcp:192.0.2.10:443
                  scheduler sh, schedflags sh-port
                  check combined 4 https over tcp, port of each real (443 when it has none)
                  request "/", receive any, httpmethod GET
                  tls verify, cacert %2$s
                  maxreceive 4096
                  checktimeout 5s, negotiatetimeout 30s, checkinterval 10s, failurecount 1, risecount 1
                  fallback none, fallbackcommand /usr/local/sbin/sorry
                  quiescent yes, cleanstop yes
                  emailalert ops@example.test, emailalertfreq 0, emailalertstatus starting,stopping
                  monitorfile %1$s/mon.log
                  servicename shop
                  real 10.0.0.1:443 masq weight 3 l:10 u:200
                virtual udp:192.0.2.10:53
                  scheduler wrr, ops
                  check connect (ping, the service is udp)
                  checktimeout 5s, negotiatetimeout 30s, checkinterval 10s, failurecount 1, risecount 1
                  fallback none
                  quiescent no, cleanstop yes
                  real 10.0.0.1:0 gate weight 1
                virtual tcp:192.0.2.10:8080
                  scheduler wrr
                  check external /bin/true
                  dynamicweight yes
                  checktimeout 5s, negotiatetimeout 30s, checkinterval 0.5s, failurecount 1, risecount 3
                  fallback none
                  quiescent no, cleanstop yes
                  real 10.0.0.1:8080 masq weight 1
                virtual fwm6:7
                  scheduler wrr, persistent 60s netmask /64
                  check ping, checkcount 1
                  checktimeout 5s, negotiatetimeout 30s, checkinterval 10s, failurecount 1, risecount 1
                  fallback none
                  quiescent no, cleanstop no
                  real [2001:db8::1]:0 gate weight 0
                virtual tcp:192.0.2.10:1812
                  scheduler wrr
                  check negotiate radius over tcp, port of each real (1812 when it has none)
                  login "nas", passwd (set), secret (set)
                  checktimeout 5s, negotiatetimeout 30s, checkinterval 10s, failurecount 1, risecount 1
                  fallback none
                  quiescent no, cleanstop yes
                  real 10.0.0.1:0 gate weight 1
                5 virtual services, 5 real servers
                """.formatted(dir, ca));
    }

    @Test
    void countsInTheSingular() {
        assertThat(ConfigSummary.format(fixture.parse("virtual=192.0.2.10:80\n\treal=10.0.0.1 gate\n")))
                .endsWith("\n1 virtual service, 1 real server\n");
        assertThat(ConfigSummary.format(fixture.parse("checktimeout=3\n")))
                .endsWith("\n0 virtual services, 0 real servers\n");
    }
}
