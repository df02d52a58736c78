package io.jdirectord.daemon;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test started (daemons, backends), closed after the test, last first. Register it with
 * {@code @RegisterExtension final Resources resources = new Resources();}.
 */
final class Resources implements AfterEachCallback {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Returns {@code resource}, to be closed after the test. */
    <T extends AutoCloseable> T keep(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
        opened.clear();
    }
}
