package io.jdirectord.daemon.log;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Who gets the directories and files the daemon creates for its log, pid file and control socket. Run
 * by hand as root, the daemon gives them to the packaged service's account (user and group
 * {@value #SERVICE_ACCOUNT}, see systemd/jdirectord.sysusers) when it exists, so that the service can
 * write them when it runs next; any other user, or a host without that account, keeps what it creates.
 */
public final class FileOwner {

    /** The user and group the Debian package's service runs as. */
    public static final String SERVICE_ACCOUNT = "jdirectord";
    /** Nobody is given anything: new files belong to this process's user. */
    public static final FileOwner KEEP = new FileOwner(Optional.empty());

    private record Account(UserPrincipal user, GroupPrincipal group) {
    }

    private final Optional<Account> account;

    private FileOwner(Optional<Account> account) {
        this.account = account;
    }

    /** The service account when this process runs as root and the account exists; {@link #KEEP} otherwise. */
    public static FileOwner forThisProcess() {
        try {
            boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            return root ? of(SERVICE_ACCOUNT, SERVICE_ACCOUNT) : KEEP;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return KEEP;
        }
    }

    /** Gives new files to {@code user} and {@code group}; {@link #KEEP} when either does not exist. */
    static FileOwner of(String user, String group) {
        UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            return new FileOwner(Optional.of(new Account(names.lookupPrincipalByName(user),
                    names.lookupPrincipalByGroupName(group))));
        } catch (IOException e) {
            return KEEP;
        }
    }

    /** Whether files are given to another account. */
    public boolean changesOwner() {
        return account.isPresent();
    }

    /**
     * Gives {@code created}, a file or directory this process has just made, to the account.
     *
     * @throws IOException saying "cannot give FILE: CAUSE (to user and group ACCOUNT)"
     */
    public void adopt(Path created) throws IOException {
        if (account.isPresent()) {
            PosixFileAttributeView view = Files.getFileAttributeView(created, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                view.setOwner(account.get().user());
                view.setGroup(account.get().group());
            } catch (IOException e) {
                throw new IOException(FileErrors.describe("give", created, e) + " (to user and group "
                        + account.get().user().getName() + ")", e);
            }
        }
    }

    /** Creates {@code directory} and its missing parents, each given to the account. */
    public void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path dir = directory.toAbsolutePath(); dir != null && !Files.isDirectory(dir); dir = dir.getParent()) {
            missing.push(dir);
        }
        for (Path dir : missing) {
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                throw new IOException(FileErrors.describe("create the directory", dir, e), e);
            }
            adopt(dir);
        }
    }
}
