package io.jdirectord.check;

import io.jdirectord.config.OracleDriverJars;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JDBC drivers of the SQL checks, each loaded the first time a check needs it, so that operators
 * without SQL checks load none. MariaDB's and PostgreSQL's drivers are part of jdirectord; Oracle's is
 * loaded from the jars {@link OracleDriverJars} finds, through a class loader of its own that sees only
 * those jars and the Java platform. Drivers are called directly, never through DriverManager.
 */
public final class SqlDrivers {

    private final OracleDriverJars oracleJars;
    private final Map<SqlVendor, Driver> loaded = new ConcurrentHashMap<>();
    private final ReentrantLock loading = new ReentrantLock();

    public SqlDrivers(OracleDriverJars oracleJars) {
        this.oracleJars = oracleJars;
    }

    /** The driver of {@code vendor}; empty while the Oracle driver is not installed. */
    Optional<Driver> driver(SqlVendor vendor) throws ReflectiveOperationException, MalformedURLException {
        Driver driver = loaded.get(vendor);
        if (driver != null) {
            return Optional.of(driver);
        }
        loading.lock();
        try {
            return Optional.ofNullable(loaded.containsKey(vendor) ? loaded.get(vendor) : load(vendor));
        } finally {
            loading.unlock();
        }
    }

    /** Loads and keeps the driver; null when the Oracle driver is missing (looked for again next time). */
    private Driver load(SqlVendor vendor) throws ReflectiveOperationException, MalformedURLException {
        Optional<ClassLoader> loader = loaderFor(vendor);
        if (loader.isEmpty()) {
            return null;
        }
        Class<?> type = Class.forName(vendor.driverClass, true, loader.get());
        Driver driver = (Driver) type.getDeclaredConstructor().newInstance();
        loaded.put(vendor, driver);
        return driver;
    }

    /** Where to put the Oracle driver, for a down reason. */
    String oracleAdvice() {
        return oracleJars.advice();
    }

    private Optional<ClassLoader> loaderFor(SqlVendor vendor) throws MalformedURLException {
        if (vendor != SqlVendor.ORACLE) {
            return Optional.of(SqlDrivers.class.getClassLoader());
        }
        Optional<List<Path>> jars = oracleJars.find();
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        URL[] urls = new URL[jars.get().size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get().get(i).toUri().toURL();
        }
        return Optional.of(new URLClassLoader("oracle-jdbc", urls, ClassLoader.getPlatformClassLoader()));
    }
}
