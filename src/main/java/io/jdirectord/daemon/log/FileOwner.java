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
import java.util.List;
import java.util.Optional;

/**
 * Who gets the directories and files the daemon creates for its log, pid file, control socket and state
 * file. Run by hand as root, the daemon gives those in the service's own directories ({@link #SERVICE_DIRECTORIES}:
 * the unit's RuntimeDirectory, LogsDirectory and StateDirectory, the directories themselves included) to the packaged
 * service's account (user and group {@value #SERVICE_ACCOUNT}, see systemd/jdirectord.sysusers) when it
 * exists, so that the service can write them when it runs next. Any other user, a file elsewhere, or a
 * host without that account keeps what it creates.
 */
public final class FileOwner {

    /** The user and group the Debian package's service runs as. */
    public static final String SERVICE_ACCOUNT = "jdirectord";
    /** The directories of the packaged service whose new files and subdirectories are given to its account. */
    public static final List<Path> SERVICE_DIRECTORIES =
            List.of(Path.of("/run/jdirectord"), Path.of("/var/log/jdirectord"), Path.of("/var/lib/jdirectord"));
    /** Nobody is given anything: new files belong to this process's user. */
    public static final FileOwner KEEP = new FileOwner(Optional.empty(), List.of());

    private record Account(UserPrincipal user, GroupPrincipal group) {}

    private final Optional<Account> account;
    private final List<Path> directories;

    private FileOwner(Optional<Account> account, List<Path> directories) {
        this.account = account;
        this.directories = directories;
    }

    /** The service account when this process runs as root and the account exists; {@link #KEEP} otherwise. */
    public static FileOwner forThisProcess() {
        try {
            boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            return root ? of(SERVICE_ACCOUNT, SERVICE_ACCOUNT, SERVICE_DIRECTORIES) : KEEP;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return KEEP;
        }
    }

    /**
     * Gives what is created in {@code directories} (and they themselves) to {@code user} and {@code group};
     * {@link #KEEP} when either does not exist.
     */
    static FileOwner of(String user, String group, List<Path> directories) {
        UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            return new FileOwner(
                    Optional.of(
                            new Account(names.lookupPrincipalByName(user), names.lookupPrincipalByGroupName(group))),
                    directories);
        } catch (IOException e) {
            return KEEP;
        }
    }

    /** Whether a file created at {@code path} is given to another account. */
    public boolean changesOwnerOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return account.isPresent() && directories.stream().anyMatch(absolute::startsWith);
    }

    /**
     * Gives {@code created}, a file or directory this process has just made, to the account.
     *
     * @throws IOException saying "cannot give FILE: CAUSE (to user and group ACCOUNT)"
     */
    public void adopt(Path created) throws IOException {
        if (changesOwnerOf(created)) {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(created, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            try {
                view.setOwner(account.orElseThrow().user());
                view.setGroup(account.orElseThrow().group());
            } catch (IOException e) {
                throw new IOException(
                        FileErrors.describe("give", created, e) + " (to user and group "
                                + account.orElseThrow().user().getName() + ")",
                        e);
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
