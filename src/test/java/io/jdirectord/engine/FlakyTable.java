package io.jdirectord.engine;

import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsService;
import io.jdirectord.ipvs.IpvsTable;
import io.jdirectord.ipvs.ServiceEntry;
import io.jdirectord.ipvs.ServiceKey;
import java.util.List;

/**
 * A table in front of another that can be told to refuse every change (as the kernel does with a netlink
 * error) or to refuse even being listed; otherwise it passes everything through.
 */
final class FlakyTable implements IpvsTable {

    private static final int ENOMEM = 12;

    private final IpvsTable table;
    private volatile boolean refuseChanges;
    private volatile boolean refuseListing;

    FlakyTable(IpvsTable table) {
        this.table = table;
    }

    void refuseChanges(boolean refuse) {
        refuseChanges = refuse;
    }

    void refuseListing(boolean refuse) {
        refuseListing = refuse;
    }

    @Override
    public List<ServiceEntry> services() throws IpvsException {
        if (refuseListing) {
            throw new IpvsException("netlink: Cannot allocate memory", ENOMEM);
        }
        return table.services();
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
