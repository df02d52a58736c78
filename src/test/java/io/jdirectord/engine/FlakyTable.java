package io.jdirectord.engine;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table in front of another that can be told to refuse every change (as the kernel does with a netlink
 * error) or to refuse even being listed; otherwise it passes everything through.
 */
final class FlakyTable implements IpvsTable {

    private static final int ENOMEM = 12;

    private final IpvsTable table;
    private volatile boolean refuseChanges;
    private volatile boolean refuseListing;
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();

    FlakyTable(IpvsTable table) {
        this.table = table;
    }

    void refuseChanges(boolean refuse) {
        refuseChanges = refuse;
    }

    void refuseListing(boolean refuse) {
        refuseListing = refuse;
    }

    /**
     * Lists the destination {@code address:port}, in every service, with {@code active} active and as
     * many inactive connections (as the kernel counts them) from now on.
     */
    void connections(String destination, int active) {
        connections.put(destination, active);
    }

    @Override
    public List<ServiceEntry> services() throws IpvsException {
        if (refuseListing) {
            throw new IpvsException("netlink: Cannot allocate memory", ENOMEM);
        }
        return table.services().stream().map(this::withConnections).toList();
    }

    private ServiceEntry withConnections(ServiceEntry entry) {
        List<ServiceEntry.DestinationEntry> destinations = entry.destinations().stream()
                .map(d -> {
                    int active = connections.getOrDefault(d.destination().key().toString(), 0);
                    return new ServiceEntry.DestinationEntry(d.destination(), d.stats(), active, active);
                })
                .toList();
        return new ServiceEntry(entry.service(), entry.stats(), destinations);
    }

    private void change() throws IpvsException {
        if (refuseChanges) {
            throw new IpvsException("Cannot allocate memory", ENOMEM);
        }
    }

    @Override
    public void addService(IpvsService service) throws IpvsException {
        change();
        table.addService(service);
    }

    @Override
    public void editService(IpvsService service) throws IpvsException {
        change();
        table.editService(service);
    }

    @Override
    public void deleteService(ServiceKey key) throws IpvsException {
        change();
        table.deleteService(key);
    }

    @Override
    public void addDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        change();
        table.addDestination(service, destination);
    }

    @Override
    public void editDestination(ServiceKey service, IpvsDestination destination) throws IpvsException {
        change();
        table.editDestination(service, destination);
    }

    @Override
    public void deleteDestination(ServiceKey service, DestinationKey destination) throws IpvsException {
        change();
        table.deleteDestination(service, destination);
    }
}
