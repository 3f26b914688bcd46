package io.knobwright.model.file;

import io.knobwright.model.UserError;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a file the user named (an export, a generated catalog): the one way Knobwright writes such files, so
 * every front end behaves alike (decision 0108).
 * <ul>
 *   <li>Only regular files are written or replaced. A symbolic link, a device ({@code /dev/null}), a FIFO, a
 *       socket or a folder is refused with a message naming it; nothing is written through a link either.</li>
 *   <li>An existing file is replaced only when the caller says so ({@link Existing#REPLACE}: {@code --force}, or a
 *       save dialog that already asked).</li>
 *   <li>The content goes to a hidden temporary file in the same folder, is flushed to disk and then moved over the
 *       target in one step: a reader sees the old file or the new one, never half of one. A failure leaves the
 *       old file as it was and no temporary file behind.</li>
 *   <li>A replaced file keeps its permissions and, where the user may set them (root), its owner and group.</li>
 *   <li>Messages name the target, never the temporary file.</li>
 * </ul>
 */
public final class UserFileWriter {

    /** What to do when the target is already there (as a regular file: anything else is always refused). */
    public enum Existing {
        /** Refuse, saying the file exists and that {@code --force} replaces it. */
        REFUSE,
        /** Replace it, keeping its permissions (and owner and group where allowed). */
        REPLACE
    }

    /** Writes the content of a file; may close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The temporary file is readable by its owner only until it carries the replaced file's permissions. */
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** File types as the unix:mode attribute gives them (S_IFMT bits of stat(2)). */
    private static final int TYPE_MASK = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;

    private UserFileWriter() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, Existing existing, String text) {
        write(target, existing, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code target} with what {@code content} writes.
     *
     * @throws UserError (INPUT) when the target is no regular file, exists and may not be replaced, or cannot be
     *                   written; the message names the target and says what to do
     */
    public static void write(Path target, Existing existing, Content content) {
        Path file = target.toAbsolutePath().normalize();
        Optional<BasicFileAttributes> old = checkTarget(file, existing);
        Path temp = file.resolveSibling(temporaryName(file));
        try {
            writeTemporary(temp, old.orElse(null), content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(file.getParent());
        } catch (IOException e) {
            throw failed(file, temp, old.isPresent(), e);
        } catch (UncheckedIOException e) { // from content written by code that wraps its IOExceptions
            throw failed(file, temp, old.isPresent(), e.getCause());
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Refuses now what {@link #write} would refuse, so a command can say so before it does the work that makes the
     * content (reading a server's catalog); {@link #write} checks again.
     *
     * @throws UserError (INPUT) when the target is no regular file, or exists and may not be replaced
     */
    public static void check(Path target, Existing existing) {
        checkTarget(target.toAbsolutePath().normalize(), existing);
    }

    private static Optional<BasicFileAttributes> checkTarget(Path file, Existing existing) {
        Optional<BasicFileAttributes> old = attributes(file);
        if (old.isPresent()) {
            refuseUnlessRegular(file, old.get());
            if (existing == Existing.REFUSE) {
                throw UserError.input(file + " already exists; nothing was written. Run again with --force to replace it.");
            }
        }
        return old;
    }

    /** The target as it is now, not following a link; empty when there is nothing at that path. */
    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            Class<? extends BasicFileAttributes> kind = posix(file) ? PosixFileAttributes.class : BasicFileAttributes.class;
            return Optional.of(Files.readAttributes(file, kind, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            // Nothing there, or a path that cannot hold a file ("Not a directory"): the write below says which.
            return Optional.empty();
        }
    }

    private static void refuseUnlessRegular(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return;
        }
        String what;
        if (attributes.isSymbolicLink()) {
            what = "is a symbolic link" + linkTarget(file) + ". Knobwright does not write through links: name the file"
                    + " itself, or remove the link first";
        } else if (attributes.isDirectory()) {
            what = "is a folder. Name a file, e.g. " + file.resolve("NAME");
        } else {
            what = "is " + special(file) + ", not a regular file. Knobwright writes regular files only: name one";
        }
        throw UserError.input(file + " " + what + "; nothing was written.");
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** "a character device", "a FIFO"...: what a DBA would call it, as far as the platform tells. */
    private static String special(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_MASK;
            return switch (type) {
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                case FIFO -> "a named pipe (FIFO)";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** Hidden, next to the target (so the move is a rename on one file system), unique per write. */
    private static String temporaryName(Path file) {
        String name = file.getFileName().toString();
        String prefix = name.length() > 100 ? name.substring(0, 100) : name;
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "." + prefix + "." + HexFormat.of().formatHex(random) + ".tmp";
    }

    /**
     * A new file gets the permissions the user's umask gives (as any program's would); a replacement starts
     * owner-only and takes the old file's owner, group and permissions before it is moved into place.
     */
    private static void writeTemporary(Path temp, BasicFileAttributes old, Content content) throws IOException {
        boolean copyPosix = old instanceof PosixFileAttributes;
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = copyPosix ? FileChannel.open(temp, options, OWNER_ONLY) : FileChannel.open(temp, options);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
            content.writeTo(out);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true); // on disk before the rename makes it the file
        }
        if (copyPosix) {
            keepOwnerAndPermissions(temp, (PosixFileAttributes) old);
        }
    }

    private static void keepOwnerAndPermissions(Path temp, PosixFileAttributes old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            view.setOwner(old.owner());
        } catch (IOException notAllowed) {
            // Only root may give a file away: the replacement then belongs to whoever runs Knobwright.
        }
        try {
            view.setGroup(old.group());
        } catch (IOException notAllowed) {
            // An owner may only choose a group they belong to.
        }
        view.setPermissions(old.permissions());
    }

    /** Makes the rename itself durable; not every platform can open a folder for that, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // The file is complete either way; only a crash right now could lose the rename.
        }
    }

    private static UserError failed(Path file, Path temp, boolean existed, IOException e) {
        return new UserError(UserError.Kind.INPUT, "Cannot write " + file + ": " + reason(e, file, temp)
                + (existed ? "; the file was left as it was." : "; nothing was written."), e);
    }

    /** The platform's reason without the temporary file's name, which means nothing to the user. */
    private static String reason(IOException e, Path file, Path temp) {
        Path folder = file.getParent();
        String reason = switch (e) {
            case NoSuchFileException ignored -> "the folder " + folder + " does not exist";
            case AccessDeniedException ignored -> "no permission to write in " + folder;
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> String.valueOf(e.getMessage());
        };
        return reason.replace(temp.toString(), file.toString()).replace(temp.getFileName().toString(), file.getFileName().toString());
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Nothing more to do: it is hidden, and the message about the write says what went wrong.
        }
    }
}
