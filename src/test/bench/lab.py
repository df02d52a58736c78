"""The test network: a private network namespace with N real-server addresses on its loopback, one nginx
answering every one of them on PORT, and iptables rules that kill hosts (DROP) or services (REJECT with
a TCP reset). Nothing leaves the namespace: every address is in 127.0.0.0/8."""

import os
import resource
import subprocess
import time

PORT = 18080
VIRTUAL = "127.255.0.1:80"
NGINX_CONF = """worker_processes 2;
worker_rlimit_nofile {nofile};
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log error;
events {{ worker_connections 65536; }}
http {{
  log_format probe '$msec $server_addr $http_user_agent';
  access_log {dir}/access.log probe buffer=512k flush=1s;
  server {{
    listen {port} reuseport backlog=65535;
    location / {{ return 200 "ok\\n"; }}
  }}
}}
"""


def address(i):
    """The address of real server i (0-based): 127.1.0.1 onwards, 250 per /24, consecutive in i."""
    return f"127.1.{i // 250}.{i % 250 + 1}"


def run(*argv, check=True, quiet=False):
    out = subprocess.DEVNULL if quiet else None
    return subprocess.run(argv, check=check, stdout=out, stderr=out)


class Lab:
    """Owns the namespace and nginx; close() removes both."""

    def __init__(self, workdir, max_reals):
        self.name = f"jdbench{os.getpid()}"
        self.dir = workdir
        self.nginx = None
        run("ip", "netns", "add", self.name)
        try:
            self._setup(max_reals)
        except BaseException:
            self.close()
            raise

    def _setup(self, max_reals):
        self.ip("link", "set", "lo", "up")
        batch = "".join(f"address add {address(i)}/32 dev lo\n" for i in range(max_reals))
        subprocess.run(["ip", "-n", self.name, "-batch", "-"], input=batch.encode(), check=True)
        for key, value in (("net.core.somaxconn", "65535"), ("net.ipv4.tcp_max_syn_backlog", "65535"),
                           ("net.ipv4.ip_local_port_range", "10000 65000")):
            self.exec("sysctl", "-q", "-w", f"{key}={value}")
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF.format(dir=self.dir, port=PORT, nofile=resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
        self.nginx = subprocess.Popen(["ip", "netns", "exec", self.name, "nginx", "-c",
                                       os.path.join(self.dir, "nginx.conf"), "-p", self.dir,
                                       "-e", os.path.join(self.dir, "nginx-error.log")])
        self._await_nginx()

    def _await_nginx(self):
        deadline = time.time() + 10
        while time.time() < deadline:
            probe = subprocess.run(self.netns_argv("curl", "-s", "-m", "1", f"http://{address(0)}:{PORT}/"),
                                   capture_output=True)
            if probe.stdout == b"ok\n":
                return
            time.sleep(0.1)
        raise RuntimeError("nginx did not answer in the namespace")

    def netns_argv(self, *argv):
        return ["ip", "netns", "exec", self.name, *argv]

    def exec(self, *argv):
        run(*self.netns_argv(*argv), quiet=True)

    def ip(self, *argv):
        run("ip", "-n", self.name, *argv)

    def access_log(self):
        return os.path.join(self.dir, "access.log")

    def truncate_access_log(self):
        os.truncate(self.access_log(), 0)

    # Faults. Rules sit in INPUT: the SYN leaves normally and is dropped or answered by a reset on
    # arrival, so a dead host times out and a dead service refuses, as on a real network.
    def kill_host(self, addr):
        self._rule("-A", ["-d", addr, "-j", "DROP"])

    def revive_host(self, addr):
        self._rule("-D", ["-d", addr, "-j", "DROP"])

    def kill_service(self, addr):
        self._rule("-A", self._reject(addr))

    def revive_service(self, addr):
        self._rule("-D", self._reject(addr))

    def kill_range(self, first, last):
        self._rule("-A", ["-m", "iprange", "--dst-range", f"{first}-{last}", "-j", "DROP"])

    def revive_range(self, first, last):
        self._rule("-D", ["-m", "iprange", "--dst-range", f"{first}-{last}", "-j", "DROP"])

    def clear_faults(self):
        self.exec("iptables", "-w", "-F", "INPUT")

    @staticmethod
    def _reject(addr):
        return ["-p", "tcp", "-d", addr, "--dport", str(PORT), "-j", "REJECT", "--reject-with", "tcp-reset"]

    def _rule(self, action, spec):
        self.exec("iptables", "-w", action, "INPUT", *spec)

    def close(self):
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.terminate()
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        run("ip", "netns", "delete", self.name, check=False, quiet=True)
